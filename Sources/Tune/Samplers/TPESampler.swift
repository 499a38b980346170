import Foundation
import TuneNumerics

/// The tree-structured Parzen estimator (Bergstra et al. 2011), as Optuna's default `TPESampler`.
///
///     let tpe = TPESampler(space: space, seed: 1)
///     let next = try tpe.suggest(index: history.count, history: history)
///
/// Follows Optuna 4.x/5.0 defaults (optuna/samplers/_tpe/sampler.py): the first `initial` (10)
/// suggestions are random; then the finished trials split into the γ(n) = min(⌈0.1 n⌉, 25) best
/// ("below", density l) and the rest ("above", density g); each density is a `ParzenEstimator`
/// over all dimensions jointly (Optuna 5's multivariate kernels); below's points weigh 1, above's
/// follow `default_weights` (a ramp from 1/n up to 1 over all but the 25 newest, so old trials fade);
/// 24 candidates are drawn from l and the one with the largest log l(x) − log g(x) is returned.
///
/// Where joule differs: failed, diverged and pruned trials (score nil) join the "above" group as
/// if they were the worst (Optuna leaves failed trials out and ranks pruned ones by their last
/// intermediate value), so the density of bad regions grows where
/// trials break; integer ranges use a continuous kernel on the unit cube, rounded after sampling
/// (Optuna discretises the truncated normal). Deterministic given (seed, index, history).
public struct TPESampler: Sampler {
  public let space: SearchSpace
  public let seed: Int
  public var initial: Int
  /// Candidates drawn from l per suggestion (Optuna's `n_ei_candidates`).
  public var candidates: Int

  public init(space: SearchSpace, seed: Int, initial: Int? = nil, candidates: Int = 24) {
    self.space = space
    self.seed = seed
    self.initial = max(initial ?? 10, 1)
    self.candidates = max(candidates, 1)
  }

  /// Optuna's `default_gamma`: how many trials count as good among `n`.
  public static func gamma(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

  /// Optuna's `default_weights` for `n` trials in trial order: flat for the newest 25, a linear
  /// ramp from 1/n for the older ones.
  public static func weights(_ n: Int) -> [Double] {
    guard n >= 25 else { return [Double](repeating: 1, count: n) }
    let ramp = n - 25
    let r: [Double] = ramp == 1 ? [1 / Double(n)] :
      (0..<ramp).map { 1 / Double(n) + (1 - 1 / Double(n)) * Double($0) / Double(ramp - 1) }
    return r + [Double](repeating: 1, count: 25)
  }

  public func suggest(index: Int, history: [Observation]) throws -> Suggestion? {
    let random = RandomSampler(space: space, seed: seed)
    let encoded = history.enumerated().compactMap { i, o -> (Int, [Double], Double?)? in
      guard let u = try? space.encode(o.point) else { return nil }
      return (i, u, o.score.flatMap { $0.isFinite ? $0 : nil })
    }
    guard index >= initial, encoded.contains(where: { $0.2 != nil }) else {
      return try random.suggest(index: index, history: history)
    }
    // Best first; failures after every scored trial. Stable on ties by trial order.
    let ranked = encoded.sorted { a, b in
      switch (a.2, b.2) {
      case let (x?, y?): return x != y ? x > y : a.0 < b.0
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.0 < b.0
      }
    }
    let nBelow = TPESampler.gamma(encoded.count)
    let below = ranked.prefix(nBelow).sorted { $0.0 < $1.0 }
    let above = ranked.dropFirst(nBelow).sorted { $0.0 < $1.0 }
    let l = ParzenEstimator(points: below.map(\.1), space: space, weights: TPESampler.weights(below.count))
    let g = ParzenEstimator(points: above.map(\.1), space: space, weights: TPESampler.weights(above.count))

    var rng = SeededGenerator(seed: seed, stream: index + (2 << 40))
    let drawn = l.sample(candidates, using: &rng)
    var best: ([Double], Double)?
    for u in drawn {
      let score = l.logDensity(u) - g.logDensity(u)
      if score.isFinite, best == nil || score > best!.1 { best = (u, score) }
    }
    guard let u = best?.0 ?? drawn.first else { return try random.suggest(index: index, history: history) }
    return Suggestion(point: space.decode(u), predictedJoules: nil)
  }
}
