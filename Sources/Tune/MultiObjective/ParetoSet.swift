/// Non-dominated sorting, crowding distance and hypervolume for points where larger is better
/// in every coordinate (scores, as samplers see them).
///
///     ParetoSet.ranks([[1, 0], [0, 1], [0, 0]])           // [0, 0, 1]
///     ParetoSet.hypervolume([[1, 0], [0, 1]], reference: [-1, -1])   // 3
public enum ParetoSet {
  /// True when `a` is at least as good as `b` everywhere and better somewhere.
  public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
    var better = false
    for i in 0..<a.count {
      if a[i] < b[i] { return false }
      if a[i] > b[i] { better = true }
    }
    return better
  }

  /// Indices of the points no other point dominates.
  public static func front(_ points: [[Double]]) -> [Int] {
    points.indices.filter { i in !points.indices.contains { j in j != i && dominates(points[j], points[i]) } }
  }

  /// Non-domination rank of each point (0: the Pareto front), by peeling fronts (Deb et al. 2002).
  /// O(n²·fronts), fine for the hundreds of trials a study has.
  public static func ranks(_ points: [[Double]]) -> [Int] {
    var rank = [Int](repeating: -1, count: points.count)
    var left = Set(points.indices)
    var r = 0
    while !left.isEmpty {
      let layer = left.filter { i in !left.contains { j in j != i && dominates(points[j], points[i]) } }
      for i in layer { rank[i] = r }
      left.subtract(layer)
      r += 1
    }
    return rank
  }

  /// NSGA-II crowding distance within one front: the sum over objectives of the normalised gap
  /// between each point's neighbours; the extremes get +∞ so they are always kept.
  public static func crowding(_ points: [[Double]]) -> [Double] {
    let n = points.count
    guard n > 2, let m = points.first?.count else { return [Double](repeating: .infinity, count: n) }
    var d = [Double](repeating: 0, count: n)
    for k in 0..<m {
      let order = (0..<n).sorted { points[$0][k] < points[$1][k] }
      let span = points[order[n - 1]][k] - points[order[0]][k]
      d[order[0]] = .infinity
      d[order[n - 1]] = .infinity
      guard span > 0 else { continue }
      for i in 1..<(n - 1) { d[order[i]] += (points[order[i + 1]][k] - points[order[i - 1]][k]) / span }
    }
    return d
  }

  /// The area dominated by `points` and bounded below by `reference`, for two objectives (exact:
  /// sort the front by the first coordinate and add the rectangles). Points that do not beat the
  /// reference in both coordinates add nothing.
  public static func hypervolume(_ points: [[Double]], reference r: [Double]) -> Double {
    let useful = points.filter { $0.count == 2 && $0[0] > r[0] && $0[1] > r[1] }
    let f = front(useful).map { useful[$0] }.sorted { $0[0] > $1[0] }
    var area = 0.0, ceiling = r[1]
    for p in f where p[1] > ceiling {
      area += (p[0] - r[0]) * (p[1] - ceiling)
      ceiling = p[1]
    }
    return area
  }
}
