/// The Mann–Whitney U test, two-sided, with Cliff's δ as its effect size.
///
///     let r = try MannWhitneyU([1.2, 3.4, 2.2, 5.0], [2.8, 6.1, 4.4, 7.3, 5.9])
///     r.u, r.p, r.cliffsDelta   // 3, 0.1111 (exact), -0.7
///
/// Follows `scipy.stats.mannwhitneyu` with its defaults (`method="auto"`, `use_continuity=True`):
/// the exact null distribution when one sample has at most 8 values and there are no ties;
/// otherwise the normal approximation with the tie-corrected variance and a continuity
/// correction of ½. U is the statistic of the first sample (SciPy's U1).
public struct MannWhitneyU: Sendable, Equatable {
  public let u: Double
  public let p: Double
  /// P(a > b) − P(a < b) over all pairs, in −1...1 (Cliff 1993).
  public let cliffsDelta: Double
  /// "exact" or "asymptotic", as SciPy would have chosen.
  public let method: String

  public init(_ a: [Double], _ b: [Double]) throws {
    try StatsError.check(a, atLeast: 1, "mann_whitney (first sample)")
    try StatsError.check(b, atLeast: 1, "mann_whitney (second sample)")
    let n1 = a.count, n2 = b.count
    let ranking = Ranking(a + b)
    let r1 = ranking.ranks[0..<n1].reduce(0, +)
    let u1 = r1 - Double(n1 * (n1 + 1)) / 2
    let u2 = Double(n1 * n2) - u1
    let big = max(u1, u2)
    u = u1
    cliffsDelta = (2 * u1 - Double(n1 * n2)) / Double(n1 * n2)
    if (n1 <= 8 || n2 <= 8) && !ranking.hasTies {
      method = "exact"
      p = min(1, 2 * MannWhitneyU.exactSF(Int(big.rounded()), n1, n2))
    } else {
      method = "asymptotic"
      let n = Double(n1 + n2)
      let s = (Double(n1 * n2) / 12 * ((n + 1) - ranking.tieTerm / (n * (n - 1)))).squareRoot()
      let z = (big - Double(n1 * n2) / 2 - 0.5) / s
      p = s > 0 ? min(1, 2 * NormalDistribution.sf(z)) : 1
    }
  }

  /// P(U ≥ u) under the null, counting the arrangements of ranks (Mann & Whitney 1947's
  /// recurrence, one sample size at a time).
  static func exactSF(_ u: Int, _ n1: Int, _ n2: Int) -> Double {
    let m = min(n1, n2), n = max(n1, n2), maxU = m * n
    if u <= 0 { return 1 }
    if u > maxU { return 0 }
    // counts[j][k]: arrangements of j values of the small sample among k of the large with U = …
    // Built by the generating function ∏ (1 − q^{n+i}) / (1 − q^i), i = 1…m.
    var f = [Double](repeating: 0, count: maxU + 1)
    f[0] = 1
    for i in 1...m {
      // multiply by (1 − q^{n+i})
      if n + i <= maxU { for k in stride(from: maxU, through: n + i, by: -1) { f[k] -= f[k - n - i] } }
      // divide by (1 − q^i)
      for k in i...maxU { f[k] += f[k - i] }
    }
    let total = f.reduce(0, +)
    return f[u...].reduce(0, +) / total
  }
}
