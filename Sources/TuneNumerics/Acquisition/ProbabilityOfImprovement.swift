/// Probability of improving on the best value seen (maximisation), as the paper used it.
///
///     ProbabilityOfImprovement(best: 0.8).value(mean: 0.85, sd: 0.05)   // ≈ 0.84
///
/// PI(x) = Φ((μ(x) − f*)/(σ(x) + 1e-9)) (Yarally et al. 2023, RQ1); the 1e-9 keeps σ = 0 finite.
public struct ProbabilityOfImprovement: Sendable {
  public var best: Double
  public init(best: Double) { self.best = best }

  public func value(mean: Double, sd: Double) -> Double {
    Normal.cdf((mean - best) / (sd + 1e-9))
  }

  public func logValue(mean: Double, sd: Double) -> Double {
    Normal.logCDF((mean - best) / (sd + 1e-9))
  }
}
