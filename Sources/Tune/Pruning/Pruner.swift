/// Decides, from the curves of other trials, whether a running trial should stop now.
///
///     let p = MedianPruner()
///     p.shouldPrune(current, others: curves)    // true: stop this trial
///
/// `current` holds the running trial's scores up to its latest step; `others` every other trial
/// of the study that reported anything (finished, pruned or running), in trial order.
public protocol Pruner: Sendable {
  func shouldPrune(_ current: IntermediateCurve, others: [IntermediateCurve]) -> Bool
}

/// The pruners a study can name: `prune: "median"`, `"halving"`, `"hyperband"` or none.
///
///     PrunerKind(rawValue: "median")?.make()
///     PrunerKind.median.make(objectives: 2)     // DominancePruner: the median rule for two objectives
public enum PrunerKind: String, Codable, CaseIterable, Sendable {
  case none, median, halving, hyperband

  /// The pruner with Optuna's default settings (see each type), nil for `.none`. With two
  /// objectives `median` is `DominancePruner`; halving and hyperband rank trials on one score, so
  /// they are refused there (`StudySettings.makePruner`) and nil here.
  public func make(objectives: Int = 1) -> (any Pruner)? {
    if objectives == 2 { return self == .median ? DominancePruner() : nil }
    switch self {
    case .none: return nil
    case .median: return MedianPruner()
    case .halving: return SuccessiveHalvingPruner()
    case .hyperband: return HyperbandPruner()
    }
  }
}
