/// Mean and variance, summed in two passes so a large common offset does not eat the digits.
///
///     Moments.variance([1, 2, 3, 4])   // 1.6666666666666667 (n − 1 denominator)
public enum Moments {
  public static func mean(_ xs: [Double]) -> Double {
    xs.reduce(0, +) / Double(xs.count)
  }

  /// The sample variance with n − 1 in the denominator (numpy's `ddof=1`).
  public static func variance(_ xs: [Double]) -> Double {
    guard xs.count > 1 else { return 0 }
    let m = mean(xs)
    var ss = 0.0, s = 0.0
    for x in xs { ss += (x - m) * (x - m); s += x - m }
    // The corrected two-pass formula (Chan, Golub & LeVeque 1983).
    return (ss - s * s / Double(xs.count)) / Double(xs.count - 1)
  }
}
