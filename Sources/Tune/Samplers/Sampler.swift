/// What a sampler knows of a finished trial.
///
///     Observation(point: [.double(0.01)], score: 0.87, joules: 1170)
///
/// `score` is oriented so that larger is better (a minimised value is negated); nil when the
/// trial failed without a value. `pending` marks a trial still running (its point is known, its
/// score not yet): the Bayesian sampler fantasises its outcome so a batch spreads out, the others
/// ignore it. `constraints` holds the trial's constraint values, feasible when every one is ≤ 0
/// (Optuna's convention); nil when the study has none or the trial did not get as far.
public struct Observation: Sendable {
  public var point: [ParameterValue]
  public var score: Double?
  public var joules: Double?
  /// Every objective of a multi-objective study, each oriented larger-is-better; nil when failed.
  public var objectives: [Double]?
  public var pending: Bool
  public var constraints: [Double]?

  public init(point: [ParameterValue], score: Double?, joules: Double? = nil, objectives: [Double]? = nil,
              pending: Bool = false, constraints: [Double]? = nil) {
    self.point = point
    self.score = score
    self.joules = joules
    self.objectives = objectives
    self.pending = pending
    self.constraints = constraints
  }

  /// Whether every constraint holds (≤ 0); true without constraints.
  public var isFeasible: Bool { constraints?.allSatisfy { $0 <= 0 } ?? true }
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
