import TuneNumerics

/// Everything that defines a study: resuming checks the stored settings against these.
///
///     var s = StudySettings(name: "adam", space: space, strategy: .bayes)
///     s.trials = 20; s.budgetJ = 5000
///     let sampler = try s.makeSampler()
public struct StudySettings: Codable, Sendable {
  public var name: String
  public var space: SearchSpace
  public var strategy: Strategy
  public var seed: Int = 1
  /// Finished trials wanted (complete, failed or diverged).
  public var trials: Int = 20
  public var direction: Direction = .maximize
  /// The field of the objective's record that is the value ("accuracy", "loss"); "value" for numbers.
  public var metric: String = "accuracy"
  public var budgetJ: Double?
  public var acquisition: Acquisition = .expectedImprovement
  /// Values per continuous range for the grid (the paper: 5).
  public var grid: Int = 5
  /// Grid rule: false = the paper's lower + i·(upper − lower)/grid (upper never used); true = inclusive.
  public var gridIncludeUpper: Bool = false
  public var shuffle: Bool = true
  /// Trials before the model takes over (nil: dimensions + 1 for bayes, a Latin hypercube; 10 random
  /// for tpe, as Optuna).
  public var initial: Int?
  /// Random candidates scored per Bayesian suggestion before the gradient ascents (Optuna's 2048;
  /// the paper scored 10,000 with no ascent).
  public var candidates: Int = 2048
  /// A second objective (`minimize: "energy_j"` beside `maximize: "accuracy"`): the study then
  /// searches the trade-off, and its result is a Pareto front.
  public var secondObjective: Objective?
  /// Where hypervolume is measured from, one value per objective in their own units (nil: 0 for
  /// a maximised objective, 1.1 × the largest value seen for a minimised one).
  public var reference: [Double]?
  /// Stops unpromising trials early from their intermediate reports (nil: none).
  public var prune: PrunerKind?
  /// Factorial: runs of each combination (the paper: 30). Optional so settings stored before
  /// it existed still decode.
  public var repeats: Int?
  /// How many constraints each trial reports (as metrics `constraint1`…, feasible when ≤ 0); nil
  /// or 0 for none. Bayes models each and weighs its acquisition by the probability of feasibility.
  public var constraints: Int?

  public init(name: String, space: SearchSpace, strategy: Strategy) {
    self.name = name
    self.space = space
    self.strategy = strategy
  }

  /// The study's pruner, nil for none. Two objectives prune with `median` only, which is then
  /// `DominancePruner`: halving and hyperband keep a top fraction by one score, and two
  /// objectives have no such order.
  public func makePruner() throws -> (any Pruner)? {
    let kind = prune ?? .none
    guard secondObjective != nil else { return kind.make() }
    if kind == .halving || kind == .hyperband {
      throw TuneError.invalidSettings(
        "prune: \"\(kind.rawValue)\" ranks trials on one objective; with maximize: and minimize: use \"median\" (stops a trial most complete trials dominated at the same step)")
    }
    return kind.make(objectives: 2)
  }

  public func makeSampler() throws -> any Sampler {
    _ = try makePruner()
    guard trials >= 0 else { throw TuneError.invalidSettings("trials must be >= 0, got \(trials)") }
    if let b = budgetJ, !(b > 0) { throw TuneError.invalidSettings("budget_j must be > 0, got \(b)") }
    switch strategy {
    case .grid:
      return try GridSampler(space: space, seed: seed, count: grid, includeUpper: gridIncludeUpper, shuffle: shuffle)
    case .random:
      return RandomSampler(space: space, seed: seed)
    case .factorial:
      return try FactorialSampler(space: space, repeats: repeats ?? 1, seed: seed, shuffle: shuffle)
    case .bayes where secondObjective != nil:
      return ParEGOSampler(space: space, seed: seed, initial: initial, candidates: min(candidates, 2048))
    case .nsga2:
      guard secondObjective != nil else {
        throw TuneError.invalidSettings("nsga2 needs two objectives: give both maximize: and minimize:")
      }
      return NSGA2Sampler(space: space, seed: seed)
    case .tpe where secondObjective != nil:
      throw TuneError.invalidSettings("tpe here optimises one objective; use bayes (ParEGO), nsga2 or random for two")
    case .bayes:
      if let i = initial, i < 1 { throw TuneError.invalidSettings("initial must be >= 1, got \(i)") }
      return BayesSampler(space: space, seed: seed, acquisition: acquisition, initial: initial, candidates: candidates)
    case .tpe:
      if let i = initial, i < 1 { throw TuneError.invalidSettings("initial must be >= 1, got \(i)") }
      return TPESampler(space: space, seed: seed, initial: initial)
    }
  }

  /// Differences that make a stored study a different experiment (trials and budget may change).
  public func conflicts(with stored: StudySettings) -> [String] {
    var out: [String] = []
    if stored.space != space { out.append("space") }
    if stored.strategy != strategy { out.append("strategy (stored \(stored.strategy.rawValue))") }
    if stored.seed != seed { out.append("seed (stored \(stored.seed))") }
    if stored.direction != direction || stored.metric != metric {
      out.append("objective (stored \(stored.direction.rawValue) \(stored.metric))")
    }
    if strategy == .grid && (stored.grid != grid || stored.gridIncludeUpper != gridIncludeUpper || stored.shuffle != shuffle) {
      out.append("grid (stored grid: \(stored.grid))")
    }
    if strategy == .factorial && ((stored.repeats ?? 1) != (repeats ?? 1) || stored.shuffle != shuffle) {
      out.append("design (stored \(stored.repeats ?? 1) repeats, shuffle \(stored.shuffle))")
    }
    if stored.secondObjective != secondObjective { out.append("objectives") }
    if (stored.constraints ?? 0) != (constraints ?? 0) { out.append("constraints (stored \(stored.constraints ?? 0))") }
    if strategy == .bayes && stored.acquisition != acquisition {
      out.append("acquisition (stored \(stored.acquisition.rawValue))")
    }
    return out
  }
}
