import Foundation

/// Which acquisition function the Bayesian sampler maximises.
///
///     let a = Acquisition(name: "ei_per_joule")   // .expectedImprovementPerJoule
///
/// All scores are "larger is better" and in log form where the function is a probability or an
/// expectation, so that ranking survives underflow.
public enum Acquisition: String, CaseIterable, Codable, Sendable {
  case expectedImprovement = "ei"
  case probabilityOfImprovement = "pi"
  case upperConfidenceBound = "ucb"
  /// EI divided by the trial's predicted joules (skopt's EIps with measured energy for time).
  case expectedImprovementPerJoule = "ei_per_joule"

  public init?(name: String) { self.init(rawValue: name.lowercased()) }

  /// The score to maximise at a point with posterior `mean`, `sd` (standardised units), given the
  /// incumbent `best` and, for the energy-aware form, the predicted log joules.
  @inlinable
  package func score(mean: Double, sd: Double, best: Double, logJoules: Double = 0) -> Double {
    switch self {
    case .expectedImprovement:
      return ExpectedImprovement(best: best).logValue(mean: mean, sd: sd)
    case .probabilityOfImprovement:
      return ProbabilityOfImprovement(best: best).logValue(mean: mean, sd: sd)
    case .upperConfidenceBound:
      return UpperConfidenceBound().value(mean: mean, sd: sd)
    case .expectedImprovementPerJoule:
      return ExpectedImprovement(best: best).logValue(mean: mean, sd: sd) - logJoules
    }
  }

  /// The score and its derivatives in the posterior mean and sd; `logJoules` enters with slope −1,
  /// so the caller adds −∂log J/∂x itself.
  ///
  ///     let (v, dMean, dSd) = Acquisition.expectedImprovement.scoreAndDerivatives(mean: 0.2, sd: 0.1, best: 0.3)
  @inlinable
  package func scoreAndDerivatives(mean: Double, sd: Double, best: Double, logJoules: Double = 0)
    -> (value: Double, dMean: Double, dSd: Double) {
    switch self {
    case .expectedImprovement:
      return ExpectedImprovement(best: best).logValueAndDerivatives(mean: mean, sd: sd)
    case .expectedImprovementPerJoule:
      let r = ExpectedImprovement(best: best).logValueAndDerivatives(mean: mean, sd: sd)
      return (r.value - logJoules, r.dMean, r.dSd)
    case .probabilityOfImprovement:
      // d log Φ(z)/dz = φ(z)/Φ(z), from the logs so it stays finite in the far tail.
      let s = sd + 1e-9
      let z = (mean - best) / s
      let ratio = exp(Normal.logPDF(z) - Normal.logCDF(z))
      return (Normal.logCDF(z), ratio / s, -ratio * z / s)
    case .upperConfidenceBound:
      let u = UpperConfidenceBound()
      return (u.value(mean: mean, sd: sd), 1, u.kappa)
    }
  }
}
