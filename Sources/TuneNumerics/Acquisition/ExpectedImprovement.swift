import Foundation

/// Expected improvement over the best value seen (maximisation; Jones et al. 1998).
///
///     let ei = ExpectedImprovement(best: 1.2)
///     ei.value(mean: 1.5, sd: 0.1)      // ≈ 0.30
///     ei.value(mean: 1.0, sd: 0)        // 0: no uncertainty, no improvement
///
/// EI = (μ − f*)Φ(z) + σφ(z), z = (μ − f*)/σ. Where σ = 0 it is max(μ − f*, 0).
/// `logValue` stays finite far below the incumbent where EI underflows to 0, so candidates can still
/// be ranked late in a study (the LogEI idea of Ament et al. 2023).
public struct ExpectedImprovement: Sendable {
  public var best: Double
  /// Exploration margin ξ added to the incumbent.
  public var xi: Double

  public init(best: Double, xi: Double = 0) {
    self.best = best
    self.xi = xi
  }

  public func value(mean: Double, sd: Double) -> Double {
    let gain = mean - best - xi
    guard sd > 1e-12 else { return max(gain, 0) }
    let z = gain / sd
    return max(gain * Normal.cdf(z) + sd * Normal.pdf(z), 0)
  }

  /// log EI; −∞ where σ = 0 and there is no gain.
  public func logValue(mean: Double, sd: Double) -> Double {
    logValueAndDerivatives(mean: mean, sd: sd).value
  }

  /// log EI and its partial derivatives in μ and σ, for gradient ascent of the acquisition.
  ///
  ///     let (v, dMean, dSd) = ExpectedImprovement(best: 0).logValueAndDerivatives(mean: -1, sd: 0.5)
  ///
  /// log EI = log σ + h(z), h(z) = log(zΦ(z) + φ(z)), h′(z) = Φ(z)/(zΦ(z) + φ(z)). Computed directly
  /// down to z = −25 (cancellation costs about z² ulps there) and by the asymptotic series
  /// φ(z)/z²·(1 − 3/z² + 15/z⁴ − 105/z⁶) below, where φ itself would underflow: the split Optuna's
  /// `standard_logei` and BoTorch's LogEI (Ament et al. 2023, eq. 9) use. Derivatives are zero
  /// where σ ≤ 1e-12.
  public func logValueAndDerivatives(mean: Double, sd: Double) -> (value: Double, dMean: Double, dSd: Double) {
    let gain = mean - best - xi
    guard sd > 1e-12 else { return (gain > 0 ? log(gain) : -.infinity, gain > 0 ? 1 / gain : 0, 0) }
    let z = gain / sd
    let h: Double, dh: Double
    if z > -25 {
      let cdf = Normal.cdf(z)
      let e = max(z * cdf + Normal.pdf(z), 1e-300)
      h = log(e)
      dh = cdf / e
    } else {
      let u = 1 / (z * z)
      let series = 1 - 3 * u + 15 * u * u - 105 * u * u * u
      // d/dz of the series: 6u/z − 60u²/z + 630u³/z.
      let dSeries = (6 * u - 60 * u * u + 630 * u * u * u) / z
      h = Normal.logPDF(z) + log(u) + log(series)
      dh = -z - 2 / z + dSeries / series
    }
    return (log(sd) + h, dh / sd, 1 / sd - dh * z / sd)
  }
}
