import Foundation

/// Weak log-normal priors and hard bounds on the GP hyperparameters (inputs in [0, 1],
/// outputs standardised).
///
///     let prior = HyperparameterPrior.standard
///     prior.penalty(theta)     // −log prior, up to a constant
///
/// The priors only keep fits with few points away from degenerate corners (ℓ → 0 interpolating
/// noise, ℓ → ∞ ignoring a dimension); with 20+ points the likelihood dominates. Centres:
/// ℓ ≈ 0.5 of the unit range (sd 1 in log), σ_f² ≈ 1 (standardised outputs), σ_n² ≈ 1e-3.
public struct HyperparameterPrior: Sendable {
  public var logLengthScale: (mean: Double, sd: Double, lower: Double, upper: Double)
  public var logSignal: (mean: Double, sd: Double, lower: Double, upper: Double)
  public var logNoise: (mean: Double, sd: Double, lower: Double, upper: Double)

  public static let standard = HyperparameterPrior(
    logLengthScale: (log(0.5), 1.0, log(0.01), log(10)),
    logSignal: (0, 1.0, log(0.05), log(20)),
    logNoise: (log(1e-3), 2.5, log(1e-6), log(1)))

  /// Mean, sd and bounds for θ component `i` of a `d`-dimensional problem.
  func component(_ i: Int, d: Int) -> (mean: Double, sd: Double, lower: Double, upper: Double) {
    i < d ? logLengthScale : (i == d ? logSignal : logNoise)
  }

  /// The starting θ every fit tries first: the prior centres.
  func centre(d: Int) -> [Double] { (0..<(d + 2)).map { component($0, d: d).mean } }

  /// A random θ drawn from the prior, clamped to the bounds.
  func draw(d: Int, using rng: inout SeededGenerator) -> [Double] {
    (0..<(d + 2)).map { i in
      let c = component(i, d: d)
      return min(max(c.mean + c.sd * rng.normal(), c.lower), c.upper)
    }
  }
}
