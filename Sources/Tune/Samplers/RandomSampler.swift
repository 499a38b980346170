import TuneNumerics

/// Independent uniform draws in the unit cube (so log-uniform on log ranges).
///
///     let s = RandomSampler(space: space, seed: 1)
///     try s.suggest(index: 0, history: [])     // the same point for seed 1 every time
///
/// Suggestion i draws from its own stream (seed, i): resuming gives the same sequence.
public struct RandomSampler: Sampler {
  public let space: SearchSpace
  public let seed: Int

  public init(space: SearchSpace, seed: Int) {
    self.space = space
    self.seed = seed
  }

  public func suggest(index: Int, history: [Observation]) throws -> Suggestion? {
    Suggestion(point: point(index), predictedJoules: nil)
  }

  func point(_ index: Int) -> [ParameterValue] {
    var rng = SeededGenerator(seed: seed, stream: index)
    return space.decode((0..<space.count).map { _ in rng.unit() })
  }
}
