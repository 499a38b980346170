import Foundation

/// Student's t distribution with `df` degrees of freedom (df may be fractional, as Welch's is).
///
///     StudentT.sf(2.5, df: 29)          // P(T > 2.5) = 0.009161...
///     StudentT.quantile(0.975, df: 29)  // 2.045229642132703
public enum StudentT {
  /// P(T > t) = ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0, by symmetry otherwise.
  public static func sf(_ t: Double, df: Double) -> Double {
    guard df > 0, !t.isNaN else { return .nan }
    if t.isInfinite { return t > 0 ? 0 : 1 }
    let x = df / (df + t * t)
    let tail = 0.5 * IncompleteBeta.i(x, df / 2, 0.5)
    return t >= 0 ? tail : 1 - tail
  }

  public static func cdf(_ t: Double, df: Double) -> Double { sf(-t, df: df) }

  /// The t with cdf(t) = p: Newton's method on the CDF from the normal quantile, falling back
  /// to bisection when a step leaves the bracket (heavy tails at df near 1).
  public static func quantile(_ p: Double, df: Double) -> Double {
    guard df > 0, p > 0, p < 1 else { return p == 0 ? -.infinity : p == 1 ? .infinity : .nan }
    if p == 0.5 { return 0 }
    if p < 0.5 { return -quantile(1 - p, df: df) }
    var lo = 0.0, hi = 1.0
    while sf(hi, df: df) > 1 - p { lo = hi; hi *= 2 }
    var t = min(max(NormalDistribution.quantile(p), lo), hi)
    for _ in 0..<200 {
      let f = sf(t, df: df) - (1 - p)  // decreasing in t
      if f > 0 { lo = t } else { hi = t }
      let density = exp(lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
                        - (df + 1) / 2 * log1p(t * t / df))
      var next = t + f / density
      if !(next > lo && next < hi) { next = (lo + hi) / 2 }
      if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
      t = next
    }
    return t
  }
}
