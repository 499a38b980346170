import Foundation

/// The regularized incomplete beta function Iₓ(a, b).
///
///     IncompleteBeta.i(0.2, 1, 3)   // 1 − 0.8³ = 0.488
///
/// Lentz's evaluation of the continued fraction (Numerical Recipes §6.4), on whichever side of
/// the mean a/(a+b) converges fast, using Iₓ(a, b) = 1 − I₁₋ₓ(b, a).
public enum IncompleteBeta {
  public static func i(_ x: Double, _ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
    if x == 0 || x == 1 { return x }
    return x < (a + 1) / (a + b + 2)
      ? front(x, a, b) * continuedFraction(x, a, b) / a
      : 1 - front(1 - x, b, a) * continuedFraction(1 - x, b, a) / b
  }

  /// The complement 1 − Iₓ(a, b), computed directly where it is the small side.
  public static func complement(_ x: Double, _ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
    return i(1 - x, b, a)
  }

  /// xᵃ (1−x)ᵇ / B(a, b), in logarithms so large a and b do not overflow.
  private static func front(_ x: Double, _ a: Double, _ b: Double) -> Double {
    exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
  }

  private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0, d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1..<10_000 {
      let m = Double(m), m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}
