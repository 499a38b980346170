/// The Kruskal–Wallis H test over k independent groups, with the tie correction, and η² as its
/// effect size.
///
///     let r = try KruskalWallis([[2.5, 2.6, 2.4], [2.9, 3.1, 2.8], [2.5, 2.7, 2.6]])
///     r.h, r.df, r.p, r.etaSquared
///
/// H as `scipy.stats.kruskal` computes it (ranks averaged over ties, H divided by
/// 1 − Σ(t³−t)/(n³−n)), its p-value from χ² with k − 1 degrees of freedom, and
/// η²_H = (H − k + 1)/(n − k) (Tomczak & Tomczak 2014), the effect size the paper reports.
public struct KruskalWallis: Sendable, Equatable {
  public let h: Double
  public let df: Int
  public let p: Double
  public let etaSquared: Double

  public init(_ groups: [[Double]]) throws {
    guard groups.count >= 2 else { throw StatsError.tooFew(needed: 2, got: groups.count, what: "kruskal (groups)") }
    for (i, g) in groups.enumerated() { try StatsError.check(g, atLeast: 1, "kruskal (group \(i + 1))") }
    let all = groups.flatMap { $0 }
    let n = Double(all.count), k = groups.count
    guard all.count > k else { throw StatsError.outOfRange("kruskal: needs more values than groups") }
    let ranking = Ranking(all)
    var start = 0, ssbn = 0.0
    for g in groups {
      let sum = ranking.ranks[start..<start + g.count].reduce(0, +)
      ssbn += sum * sum / Double(g.count)
      start += g.count
    }
    let raw = 12 / (n * (n + 1)) * ssbn - 3 * (n + 1)
    let ties = 1 - ranking.tieTerm / (n * n * n - n)
    guard ties > 0 else { throw StatsError.outOfRange("kruskal: all values are equal") }
    h = raw / ties
    df = k - 1
    p = ChiSquared.sf(h, df: Double(df))
    etaSquared = (h - Double(k) + 1) / (n - Double(k))
  }
}
