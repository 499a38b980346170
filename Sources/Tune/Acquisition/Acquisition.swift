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
  func score(mean: Double, sd: Double, best: Double, logJoules: Double = 0) -> Double {
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
}
