/// What pruning cost and saved in a study.
///
///     study.joulesPruned     // joules the pruned trials spent before they stopped
///     study.joulesSaved      // estimated joules they would have spent to finish
extension Study {
  public var prunedCount: Int { trials.filter { $0.state == .pruned }.count }

  /// Joules spent by the pruned trials.
  public var joulesPruned: Double {
    trials.filter { $0.state == .pruned }.reduce(0) { $0 + ($1.energyJ ?? 0) }
  }

  /// An estimate of the joules pruning saved (docs/tuning.md, "joules_saved"): for each pruned
  /// trial, its joules per step times the steps of its own plan it did not run (steps cost
  /// about the same: an epoch is an epoch). A trial whose plan is unknown (a `report` loop)
  /// is counted to the last step the complete trials reached, and with no steps at all, as the
  /// median complete trial's joules minus its own. Never negative.
  public var joulesSaved: Double {
    let complete = trials.filter { $0.state == .complete }
    let fullSteps = complete.compactMap {
      TrialMonitor.curve(of: $0, metric: settings.metric, direction: settings.direction).lastStep
    }.max()
    let joules = complete.compactMap(\.energyJ).sorted()
    let medianJ = joules.isEmpty ? nil : joules[joules.count / 2]
    var saved = 0.0
    for t in trials where t.state == .pruned {
      guard let spent = t.energyJ else { continue }
      let done = t.metrics["stopped_at_step"].map { Int($0) }
        ?? TrialMonitor.curve(of: t, metric: settings.metric, direction: settings.direction).lastStep
      let planned = t.metrics["planned_steps"].map { Int($0) } ?? fullSteps
      if let planned, let done, done > 0 {
        saved += spent / Double(done) * Double(max(planned - done, 0))
      } else if let medianJ {
        saved += max(medianJ - spent, 0)
      }
    }
    return saved
  }
}
