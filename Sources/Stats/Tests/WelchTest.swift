/// Welch's two-sample t-test (unequal variances), two-sided, as `scipy.stats.ttest_ind(a, b,
/// equal_var=False)`.
///
///     let r = try WelchTest([1.2, 3.4, 2.2, 5.0], [2.8, 6.1, 4.4, 7.3, 5.9])
///     r.t, r.df, r.p   // -2.0835, 6.7388, 0.07723
public struct WelchTest: Sendable, Equatable {
  public let t: Double
  /// Welch–Satterthwaite degrees of freedom.
  public let df: Double
  public let p: Double

  public init(_ a: [Double], _ b: [Double]) throws {
    try StatsError.check(a, atLeast: 2, "welch (first sample)")
    try StatsError.check(b, atLeast: 2, "welch (second sample)")
    let na = Double(a.count), nb = Double(b.count)
    let va = Moments.variance(a) / na, vb = Moments.variance(b) / nb
    guard va + vb > 0 else { throw StatsError.outOfRange("welch: both samples have zero variance") }
    t = (Moments.mean(a) - Moments.mean(b)) / (va + vb).squareRoot()
    df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1))
    p = min(1, 2 * StudentT.sf(abs(t), df: df))
  }
}
