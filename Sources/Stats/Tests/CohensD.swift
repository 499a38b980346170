/// Cohen's d: the difference of means in units of the pooled standard deviation.
///
///     try CohensD.of([1.2, 3.4, 2.2, 5.0], [2.8, 6.1, 4.4, 7.3, 5.9])   // -1.3872
///
/// Pooled with n − 1 weights, s² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2) (Cohen 1988, eq. 2.5.2).
public enum CohensD {
  public static func of(_ a: [Double], _ b: [Double]) throws -> Double {
    try StatsError.check(a, atLeast: 2, "cohens_d (first sample)")
    try StatsError.check(b, atLeast: 2, "cohens_d (second sample)")
    let na = Double(a.count), nb = Double(b.count)
    let pooled = (((na - 1) * Moments.variance(a) + (nb - 1) * Moments.variance(b)) / (na + nb - 2)).squareRoot()
    guard pooled > 0 else { throw StatsError.outOfRange("cohens_d: both samples have zero variance") }
    return (Moments.mean(a) - Moments.mean(b)) / pooled
  }
}
