import Foundation

/// Runs a study: asks the sampler for points, runs the objective, records every trial.
///
///     let runner = StudyRunner(settings: settings, store: try StudyStore(path: "studies.sqlite"))
///     let study = try runner.run(objective: { request in
///       TrialOutcome(state: .complete, value: f(request.params))
///     }, shouldStop: { Interrupt.requested })
///
/// Each trial is stored as "running" before the objective starts and again when it finishes, each
/// in its own transaction. The loop ends when `settings.trials` trials have finished (complete,
/// failed, diverged or pruned), when the grid is exhausted, when the next trial would likely overshoot the
/// energy budget, or when `shouldStop` says so or a trial comes back interrupted. Resuming a stored
/// study first re-runs the suggestions of its interrupted trials, with the same parameters.
public final class StudyRunner {
  public let settings: StudySettings
  public let store: StudyStore?

  /// What the objective is asked to evaluate.
  public struct Request: Sendable {
    public var number: Int
    public var params: [(name: String, value: ParameterValue)]
    /// Takes the trial's intermediate reports; says when to stop (pruned or diverged).
    public var monitor: TrialMonitor
    /// The sampler's suggestion index this trial runs (a factorial design's run position).
    public var suggestion: Int = 0
  }

  public init(settings: StudySettings, store: StudyStore?) {
    self.settings = settings
    self.store = store
  }

  public func run(objective: (Request) -> TrialOutcome, shouldStop: () -> Bool,
                  progress: ((StudyProgress) -> Void)? = nil) throws -> Study {
    let sampler = try settings.makeSampler()
    var study = try store?.open(settings) ?? Study(settings: settings)
    let budget = settings.budgetJ.map { EnergyBudget(limitJ: $0) }
    let started = Date()
    var finishedHere = 0

    while true {
      let finished = study.finishedCount
      if finished >= settings.trials { study.stopReason = "done"; break }
      if shouldStop() { study.stopReason = "interrupted"; break }

      guard let (index, point, predicted) = try next(study: study, sampler: sampler) else {
        study.stopReason = "grid exhausted after \(finished) trials"
        break
      }
      if let budget {
        let recent = study.trials.filter { $0.state.isFinished }.compactMap(\.energyJ)
        let p = predicted ?? budget.predict(recent: recent)
        if !budget.allows(spentJ: study.spentJ, predictedJ: p) {
          let guess = p.map { ", next trial predicted \(Int($0.rounded())) J" } ?? ""
          study.stopReason = "budget: \(Int(study.spentJ.rounded())) of \(Int(budget.limitJ.rounded())) J spent\(guess)"
          break
        }
      }

      let number = (study.trials.map(\.number).max() ?? 0) + 1
      var trial = Trial(number: number, suggestion: index, params: point, worker: Trial.currentWorker)
      study.trials.append(trial)
      try store?.save(trial, in: settings.name)
      let elapsed = Date().timeIntervalSince(started)
      progress?(StudyProgress(
        current: finished + 1, total: settings.trials, best: study.best?.value, spentJ: study.spentJ,
        budgetJ: settings.budgetJ,
        etaSeconds: finishedHere > 0 ? elapsed / Double(finishedHere) * Double(settings.trials - finished) : nil))

      let t0 = Date()
      let monitor = makeMonitor(number: number, study: study)
      let outcome = objective(Request(number: number, params: settings.space.record(point).map { ($0.0, $0.1) },
                                      monitor: monitor, suggestion: index))
      trial.state = outcome.state == .running ? .complete : outcome.state
      trial.value = outcome.value.flatMap { $0.isFinite ? $0 : nil }
      if trial.state == .complete && trial.value == nil {
        trial.state = .failed
        trial.error = outcome.error ?? "objective returned no finite value"
      } else {
        trial.error = outcome.error
      }
      trial.metrics = outcome.metrics
      trial.energyJ = outcome.energyJ
      trial.energySource = outcome.energySource
      trial.energyEstimated = outcome.energyEstimated
      trial.seconds = outcome.seconds ?? Date().timeIntervalSince(t0)
      trial.finishedAt = Date()
      if trial.state != .interrupted { monitor.apply(to: &trial) }
      study.trials[study.trials.count - 1] = trial
      try store?.save(trial, in: settings.name)
      if trial.state == .interrupted { study.stopReason = "interrupted"; break }
      finishedHere += 1
    }
    progress?(StudyProgress(current: study.finishedCount, total: settings.trials, best: study.best?.value,
                            spentJ: study.spentJ, budgetJ: settings.budgetJ, etaSeconds: 0))
    return study
  }

  /// A monitor for trial `number` with the study's pruner and the curves of the trials so far.
  private func makeMonitor(number: Int, study: Study) -> TrialMonitor {
    let curves = study.trials.filter { $0.number != number }.sorted { $0.number < $1.number }
      .map { TrialMonitor.curve(of: $0, metric: settings.metric, direction: settings.direction) }
      .filter { !$0.scores.isEmpty }
    return TrialMonitor(number: number, metric: settings.metric, direction: settings.direction,
                        pruner: (settings.prune ?? .none).make(), others: curves)
  }

  /// The next suggestion: an interrupted one to re-run first, else the sampler's next index.
  private func next(study: Study, sampler: any Sampler) throws -> (Int, [ParameterValue], Double?)? {
    let done = Set(study.trials.filter { $0.state.isFinished || $0.state == .running }.map(\.suggestion))
    if let again = study.trials.filter({ $0.state == .interrupted && !done.contains($0.suggestion) })
      .min(by: { $0.suggestion < $1.suggestion }) {
      return (again.suggestion, again.params, nil)
    }
    let index = (study.trials.map(\.suggestion).max() ?? -1) + 1
    let history = study.trials.filter { $0.state.isFinished }.sorted { $0.number < $1.number }.map { t in
      // Only complete trials carry a score: a diverged, failed or pruned one enters as the worst seen.
      let score = t.state == .complete ? t.value.map(settings.direction.score) : nil
      return Observation(point: t.params, score: score, joules: t.energyJ,
                         objectives: study.objectiveScores(of: t))
    }
    guard let s = try sampler.suggest(index: index, history: history) else { return nil }
    return (index, s.point, s.predictedJoules)
  }
}
