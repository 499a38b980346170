import Foundation

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).
///
///     IncompleteGamma.p(1, 1)    // 1 − e⁻¹ = 0.6321205588285577
///     IncompleteGamma.q(3, 10)   // 0.0027693957155115775
///
/// The series for x < a + 1 and Lentz's continued fraction otherwise (Numerical Recipes §6.2),
/// each summed to machine precision, so the smaller of P and Q is always computed directly.
public enum IncompleteGamma {
  public static func p(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x >= 0 else { return .nan }
    if x == 0 { return 0 }
    return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x)
  }

  public static func q(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x >= 0 else { return .nan }
    if x == 0 { return 1 }
    return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x)
  }

  /// P(a, x) = e⁻ˣ xᵃ / Γ(a+1) · Σ xⁿ / ((a+1)…(a+n)).
  private static func series(_ a: Double, _ x: Double) -> Double {
    var term = 1 / a, sum = term, ap = a
    for _ in 0..<10_000 {
      ap += 1
      term *= x / ap
      sum += term
      if abs(term) < abs(sum) * 1e-17 { break }
    }
    return sum * exp(-x + a * log(x) - lgamma(a))
  }

  /// Q(a, x) by the continued fraction 1/(x+1−a−) 1·(1−a)/(x+3−a−) …, evaluated by Lentz.
  private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return exp(-x + a * log(x) - lgamma(a)) * h
  }
}
