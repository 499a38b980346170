/// Optuna's median rule: stop a trial whose value at a step is worse than the median of the
/// finished trials' values at that step.
///
///     MedianPruner(startupTrials: 5, warmupSteps: 0)
///
/// As `optuna.pruners.MedianPruner` (defaults n_startup_trials=5, n_warmup_steps=0,
/// interval_steps=1, n_min_trials=1): nothing is pruned until `startupTrials` trials have
/// finished, nor before step `warmupSteps`; the median is over complete trials that reported
/// this very step (Optuna compares at the same step, not the nearest).
public struct MedianPruner: Pruner {
  public var startupTrials: Int
  public var warmupSteps: Int
  public var minTrials: Int

  public init(startupTrials: Int = 5, warmupSteps: Int = 0, minTrials: Int = 1) {
    self.startupTrials = startupTrials
    self.warmupSteps = warmupSteps
    self.minTrials = minTrials
  }

  public func shouldPrune(_ current: IntermediateCurve, others: [IntermediateCurve]) -> Bool {
    guard let step = current.lastStep, let value = current.scores[step], step >= warmupSteps else { return false }
    if value.isNaN { return true }
    let finished = others.filter(\.complete)
    guard finished.count >= startupTrials else { return false }
    let atStep = finished.compactMap { $0.scores[step] }.filter { !$0.isNaN }.sorted()
    guard atStep.count >= max(minTrials, 1) else { return false }
    let n = atStep.count
    let median = n % 2 == 1 ? atStep[n / 2] : (atStep[n / 2 - 1] + atStep[n / 2]) / 2
    return value < median
  }
}
