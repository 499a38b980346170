import Foundation
import TuneNumerics

/// Multi-objective Bayesian optimisation by random scalarisations (ParEGO; Knowles 2006).
///
///     let s = ParEGOSampler(space: space, seed: 1)
///     s.suggest(index: 12, history: observations)   // observations carry `objectives`
///
/// Each suggestion draws a weight vector λ uniformly from the simplex (seeded by the index),
/// rescales every objective to [0, 1] over the trials so far (1 = best seen), and turns each
/// trial into one score with the augmented Chebyshev function of Knowles's paper,
/// s = −(max_i λᵢ(1 − fᵢ) + ρ Σᵢ λᵢ(1 − fᵢ)), ρ = 0.05; then asks the single-objective GP sampler
/// (log EI, gradient-optimised) for the point that best improves that score. Over many suggestions
/// the changing λ spreads the trials along the whole front. Chosen over expected hypervolume
/// improvement because it reuses the tested single-objective machinery and costs one GP per
/// suggestion; Optuna's GPSampler uses LogEHVI instead. Failed trials score the worst.
public struct ParEGOSampler: Sampler {
  public let space: SearchSpace
  public let seed: Int
  public let inner: BayesSampler
  public static let rho = 0.05

  public init(space: SearchSpace, seed: Int, initial: Int? = nil, candidates: Int = 2048) {
    self.space = space
    self.seed = seed
    inner = BayesSampler(space: space, seed: seed, acquisition: .expectedImprovement,
                         initial: initial ?? 2 * space.count + 1, candidates: candidates)
  }

  /// λ for suggestion `index`: normalised exponentials, uniform on the simplex.
  func weights(index: Int, objectives m: Int) -> [Double] {
    var rng = SeededGenerator(seed: seed, stream: index + (3 << 40))
    let e = (0..<m).map { _ in -log(max(rng.unit(), 1e-300)) }
    let total = e.reduce(0, +)
    return e.map { $0 / total }
  }

  public func suggest(index: Int, history: [Observation]) throws -> Suggestion? {
    let scored = history.compactMap(\.objectives).filter { $0.allSatisfy(\.isFinite) }
    guard let m = scored.first?.count, m > 0 else { return try inner.suggest(index: index, history: history) }
    let lo = (0..<m).map { k in scored.map { $0[k] }.min()! }
    let hi = (0..<m).map { k in scored.map { $0[k] }.max()! }
    let lambda = weights(index: index, objectives: m)
    let scalarised = history.map { o -> Observation in
      var copy = o
      guard let f = o.objectives, f.count == m, f.allSatisfy(\.isFinite) else { copy.score = nil; return copy }
      var cost = [Double](repeating: 0, count: m)
      for k in 0..<m where hi[k] > lo[k] {
        let normalised: Double = (hi[k] - f[k]) / (hi[k] - lo[k])
        cost[k] = lambda[k] * normalised
      }
      let worst: Double = cost.max() ?? 0
      let sum: Double = cost.reduce(0, +)
      copy.score = -(worst + ParEGOSampler.rho * sum)
      return copy
    }
    return try inner.suggest(index: index, history: scalarised)
  }
}
