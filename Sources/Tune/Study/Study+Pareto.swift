/// The accuracy-against-energy view of a study with two objectives.
///
///     study.paretoTrials                  // complete trials no other complete trial dominates
///     study.hypervolume()                 // area they dominate above the reference point
extension Study {
  /// The objectives in order: the study's metric, then the second one (if any).
  public var objectives: [Objective] {
    [Objective(metric: settings.metric, direction: settings.direction)] + (settings.secondObjective.map { [$0] } ?? [])
  }

  /// A complete trial's objectives, each oriented larger-is-better; nil for a single-objective
  /// study, a trial that is not complete or one missing a value.
  public func objectiveScores(of t: Trial) -> [Double]? {
    guard settings.secondObjective != nil, t.state == .complete else { return nil }
    let values = objectives.map { o in field(o.metric, of: t).map(o.direction.score) }
    guard values.allSatisfy({ $0?.isFinite == true }) else { return nil }
    return values.map { $0! }
  }

  /// Complete trials on the Pareto front of the objectives, in trial order.
  public var paretoTrials: [Trial] {
    let scored = trials.sorted { $0.number < $1.number }.compactMap { t in objectiveScores(of: t).map { (t, $0) } }
    return ParetoSet.front(scored.map(\.1)).map { scored[$0].0 }
  }

  /// The reference point in the objectives' own units: the setting, else 0 for a maximised
  /// objective and 1.1 × the largest value seen for a minimised one.
  public var hypervolumeReference: [Double] {
    if let r = settings.reference, r.count == objectives.count { return r }
    return objectives.map { o in
      guard o.direction == .minimize else { return 0 }
      let seen = trials.filter { $0.state == .complete }.compactMap { field(o.metric, of: $0) }.filter(\.isFinite)
      return 1.1 * (seen.max() ?? 0)
    }
  }

  /// Hypervolume of the complete trials (first `upTo` trials by number, or all) against
  /// `reference` (default `hypervolumeReference`); two objectives only, else nil.
  public func hypervolume(reference: [Double]? = nil, upTo: Int? = nil) -> Double? {
    guard objectives.count == 2 else { return nil }
    let ref = reference ?? hypervolumeReference
    let refScore = zip(objectives, ref).map { $0.direction.score($1) }
    let points = trials.filter { upTo == nil || $0.number <= upTo! }.compactMap { objectiveScores(of: $0) }
    return ParetoSet.hypervolume(points, reference: refScore)
  }
}
