/// "Did you mean ...?": the closest candidate by edit distance, if close enough.
///
///     Suggestion.closest(to: "epoch", among: ["epochs", "lr"])   // "epochs"
///     Suggestion.closest(to: "pritn", among: ["print"])          // "print" (a swap counts once)
public enum Suggestion {
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let limit = max(1, word.count / 3)
    var best: (String, Int)?
    for c in candidates where c != word {
      let d = distance(word, c)
      if d <= limit, best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
  }

  /// Edit distance counting insertions, deletions, substitutions and swaps of adjacent
  /// characters (optimal string alignment), the typos people make.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          cur[j] = min(cur[j], before[j - 2] + 1)
        }
      }
      (before, prev, cur) = (prev, cur, before)
    }
    return prev[b.count]
  }
}
