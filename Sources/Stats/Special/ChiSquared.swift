/// The chi-squared distribution with k degrees of freedom.
///
///     ChiSquared.sf(3.84, df: 1)   // 0.05004352124870519
public enum ChiSquared {
  /// P(X > x) = Q(k/2, x/2).
  public static func sf(_ x: Double, df: Double) -> Double {
    guard df > 0 else { return .nan }
    if x <= 0 { return 1 }
    return IncompleteGamma.q(df / 2, x / 2)
  }
}
