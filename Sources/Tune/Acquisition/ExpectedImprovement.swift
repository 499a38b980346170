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
    let gain = mean - best - xi
    guard sd > 1e-12 else { return gain > 0 ? log(gain) : -.infinity }
    let z = gain / sd
    if z > -6 { return log(max(gain * Normal.cdf(z) + sd * Normal.pdf(z), 1e-300)) }
    // h(z) = φ(z) + zΦ(z) ≈ φ(z)/z² · (1 − 3/z² + 15/z⁴) for z ≪ 0.
    let z2 = z * z
    return log(sd) + Normal.logPDF(z) - log(z2) + log(1 - 3 / z2 + 15 / (z2 * z2))
  }
}
