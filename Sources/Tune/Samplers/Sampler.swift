/// What a sampler knows of a finished trial.
///
///     Observation(point: [.double(0.01)], score: 0.87, joules: 1170)
///
/// `score` is oriented so that larger is better (a minimised value is negated); nil when the
/// trial failed without a value.
public struct Observation: Sendable {
  public var point: [ParameterValue]
  public var score: Double?
  public var joules: Double?
  /// Every objective of a multi-objective study, each oriented larger-is-better; nil when failed.
  public var objectives: [Double]?

  public init(point: [ParameterValue], score: Double?, joules: Double? = nil, objectives: [Double]? = nil) {
    self.point = point
    self.score = score
    self.joules = joules
    self.objectives = objectives
  }
}

/// A sampler's answer: the point to try next, and its predicted energy when the sampler has a model.
public struct Suggestion: Sendable {
  public var point: [ParameterValue]
  public var predictedJoules: Double?
}

/// Proposes the next point of a study.
///
///     let s = RandomSampler(space: space, seed: 1)
///     let next = try s.suggest(index: 3, history: observations)
///
/// `index` is the 0-based suggestion number; a sampler that depends only on (seed, index) gives a
/// resumed study the same points as an uninterrupted one. nil means the sampler is exhausted
/// (a grid with every point visited).
public protocol Sampler {
  func suggest(index: Int, history: [Observation]) throws -> Suggestion?
}
