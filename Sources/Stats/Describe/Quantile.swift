/// Sample quantiles by linear interpolation between order statistics: numpy's default
/// (`method="linear"`, Hyndman & Fan type 7), which is also R's default.
///
///     try Quantile.of([1, 2, 3, 4], 0.25)   // 1.75
public enum Quantile {
  public static func of(_ xs: [Double], _ q: Double) throws -> Double {
    try StatsError.check(xs, atLeast: 1, "quantile")
    return ofSorted(xs.sorted(), q: try checked(q))
  }

  /// Several quantiles from one sort.
  public static func of(_ xs: [Double], _ qs: [Double]) throws -> [Double] {
    try StatsError.check(xs, atLeast: 1, "quantile")
    let sorted = xs.sorted()
    return try qs.map { ofSorted(sorted, q: try checked($0)) }
  }

  /// The quantile of already sorted data: h = (n−1)q, then interpolate between ⌊h⌋ and ⌊h⌋+1.
  public static func ofSorted(_ sorted: [Double], q: Double) -> Double {
    let h = Double(sorted.count - 1) * q
    let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
    let frac = h - Double(lo)
    // numpy's lerp form, exact at both ends.
    let a = sorted[lo], b = sorted[hi]
    return frac < 0.5 ? a + (b - a) * frac : b - (b - a) * (1 - frac)
  }

  private static func checked(_ q: Double) throws -> Double {
    guard q >= 0, q <= 1 else { throw StatsError.outOfRange("quantile: q must lie in 0...1, got \(q)") }
    return q
  }
}
