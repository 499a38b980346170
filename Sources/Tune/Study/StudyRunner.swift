import Foundation

/// Runs a study as one worker: claims the next trial, runs the objective, records it; any
/// number of workers (processes, machines) may run the same study on one store at once.
///
///     let runner = StudyRunner(settings: settings, store: try StudyStore(path: "studies.sqlite"))
///     let study = try runner.run(objective: { request in
///       TrialOutcome(state: .complete, value: f(request.params))
///     }, shouldStop: { Interrupt.requested })
///
/// Each claim is atomic (`StudyStore.claim`): the trial is decided and stored as `running` in one
/// exclusive transaction, so every trial number and every suggestion is handed out once. A
/// worker stops when the study has `settings.trials` finished trials (complete, failed,
/// diverged or pruned), when the grid is exhausted, when the next trial would likely overshoot the energy
/// budget, or when `shouldStop` says so or its trial comes back interrupted. When every
/// remaining trial is running elsewhere it waits, and takes over any that turn stale, so the
/// study ends with exactly `trials` finished trials however many workers join. Interrupted and
/// stale suggestions are run again first, with the same parameters.
public final class StudyRunner {
  public let settings: StudySettings
  public let store: (any StudyLedger)?
  public var liveness = Liveness()
  /// Stored in each trial's `worker` column.
  public var worker = Trial.currentWorker
  /// How often a worker with nothing to claim looks again.
  public var pollInterval: TimeInterval = 0.5

  /// What the objective is asked to evaluate.
  public struct Request: Sendable {
    public var number: Int
    public var params: [(name: String, value: ParameterValue)]
    /// Takes the trial's intermediate reports; says when to stop (pruned or diverged).
    public var monitor: TrialMonitor
    /// The sampler's suggestion index this trial runs (a factorial design's run position).
    public var suggestion: Int = 0
  }

  public init(settings: StudySettings, store: (any StudyLedger)?) {
    self.settings = settings
    self.store = store
  }

  /// What a claim decided.
  enum Decision {
    case run(Trial)
    case wait
    case stop(String)
  }

  public func run(objective: (Request) -> TrialOutcome, shouldStop: () -> Bool,
                  progress: ((StudyProgress) -> Void)? = nil) throws -> Study {
    let sampler = try settings.makeSampler()
    var local = try store?.open(settings, grace: liveness.grace) ?? Study(settings: settings)
    let started = Date()
    var finishedHere = 0
    var stopReason = "done"
    var failures = FailureStreak()

    while true {
      if shouldStop() { stopReason = "interrupted"; break }
      let (decision, study) = try claim(&local) { study in
        let d = try self.decide(study, sampler: sampler)
        if case .run(let t) = d { return (t, (d, study)) }
        return (nil, (d, study))
      }
      guard case .run(var trial) = decision else {
        if case .stop(let reason) = decision { stopReason = reason; break }
        // Every remaining trial runs elsewhere: look again soon, in case one turns stale.
        let until = Date().addingTimeInterval(pollInterval)
        while Date() < until && !shouldStop() { usleep(50_000) }
        continue
      }
      let finished = study.finishedCount
      let elapsed = Date().timeIntervalSince(started)
      progress?(StudyProgress(
        current: finished + 1, total: settings.trials, best: study.best?.value, spentJ: study.spentJ,
        budgetJ: settings.budgetJ,
        etaSeconds: finishedHere > 0 ? elapsed / Double(finishedHere) * Double(settings.trials - finished) : nil))

      let beat = store.map { Heartbeat(store: $0, study: settings.name, number: trial.number, worker: worker,
                                       every: liveness.interval) }
      let t0 = Date()
      let monitor = makeMonitor(number: trial.number, study: study)
      let outcome = objective(Request(number: trial.number, params: settings.space.record(trial.params).map { ($0.0, $0.1) },
                                      monitor: monitor, suggestion: trial.suggestion))
      beat?.stop()
      record(outcome, in: &trial, since: t0)
      if trial.state != .interrupted { monitor.apply(to: &trial) }
      if let store {
        if try !store.finish(trial, in: settings.name) {
          // Another worker found this trial stale and re-ran its suggestion: keep the study's
          // count exact by not adding this late result.
          stopReason = "trial \(trial.number) was marked stale while it ran; its result was not counted"
        }
      } else if let i = local.trials.firstIndex(where: { $0.number == trial.number }) {
        local.trials[i] = trial
      }
      if trial.state == .interrupted { stopReason = "interrupted"; break }
      if let reason = failures.record(trial) { stopReason = reason; break }
      finishedHere += 1
    }
    var study = try store?.load(settings.name) ?? local
    study.settings = settings
    study.stopReason = study.finishedCount >= settings.trials && stopReason != "interrupted" ? "done" : stopReason
    progress?(StudyProgress(current: study.finishedCount, total: settings.trials, best: study.best?.value,
                            spentJ: study.spentJ, budgetJ: settings.budgetJ, etaSeconds: 0))
    return study
  }

  /// A monitor for trial `number` with the study's pruner and the curves of the trials so far.
  private func makeMonitor(number: Int, study: Study) -> TrialMonitor {
    makeMonitor(number: number, curves: curves(excluding: number, study: study))
  }

  /// The other trials' intermediate curves, which the pruner compares trial `number` with.
  func curves(excluding number: Int, study: Study) -> [IntermediateCurve] {
    study.trials.filter { $0.number != number }.sorted { $0.number < $1.number }
      .map { TrialMonitor.curve(of: $0, metric: settings.metric, direction: settings.direction,
                                second: settings.secondObjective) }
      .filter { !$0.scores.isEmpty }
  }

  func makeMonitor(number: Int, curves: [IntermediateCurve]) -> TrialMonitor {
    // makeSampler refused a pruner the objectives cannot take before any trial ran.
    TrialMonitor(number: number, metric: settings.metric, direction: settings.direction,
                 pruner: (try? settings.makePruner()) ?? nil, others: curves, second: settings.secondObjective)
  }

  /// The store's atomic claim, or the same rule on an in-memory study.
  func claim<R>(_ local: inout Study, _ decide: (Study) throws -> (Trial?, R)) throws -> R {
    if let store { return try store.claim(settings.name, grace: liveness.grace, decide: decide) }
    let (trial, r) = try decide(local)
    if let trial { local.trials.append(trial) }
    return r
  }

  /// Why a worker would stop now ("done", "budget: ...", "grid exhausted ..."), or nil when
  /// trials remain to run: what a lead that ran no trial itself reports.
  public func stopReason(_ study: Study) throws -> String? {
    if case .stop(let reason) = try decide(study, sampler: settings.makeSampler()) { return reason }
    return nil
  }

  /// What this worker should do next, given every trial of the study (other workers' included).
  func decide(_ study: Study, sampler: any Sampler) throws -> Decision {
    let finished = study.finishedCount
    let running = study.trials.filter { $0.state == .running }.count
    if finished >= settings.trials { return .stop("done") }
    // Running trials will finish: starting more would overshoot `trials`.
    if finished + running >= settings.trials { return .wait }
    guard let (index, point, predicted) = try next(study: study, sampler: sampler) else {
      return running > 0 ? .wait : .stop("grid exhausted after \(finished) trials")
    }
    if let limit = settings.budgetJ {
      let budget = EnergyBudget(limitJ: limit)
      let recent = study.trials.filter { $0.state.isFinished }.compactMap(\.energyJ)
      let p = predicted ?? budget.predict(recent: recent)
      if !budget.allows(spentJ: study.spentJ, predictedJ: p) {
        let guess = p.map { ", next trial predicted \(Int($0.rounded())) J" } ?? ""
        return .stop("budget: \(Int(study.spentJ.rounded())) of \(Int(budget.limitJ.rounded())) J spent\(guess)")
      }
    }
    let number = (study.trials.map(\.number).max() ?? 0) + 1
    return .run(Trial(number: number, suggestion: index, params: point, worker: worker))
  }

  /// The next suggestion: an interrupted or stale one to re-run first, else the sampler's next
  /// index. Running trials go in as pending (no score): Bayes fantasises their outcome (kriging
  /// believer) so concurrent workers spread out; the other samplers see them as failed.
  private func next(study: Study, sampler: any Sampler) throws -> (Int, [ParameterValue], Double?)? {
    let taken = Set(study.trials.filter { $0.state.isFinished || $0.state == .running }.map(\.suggestion))
    if let again = study.trials.filter({ $0.state.isRequeued && !taken.contains($0.suggestion) })
      .min(by: { $0.suggestion < $1.suggestion }) {
      return (again.suggestion, again.params, nil)
    }
    let index = (study.trials.map(\.suggestion).max() ?? -1) + 1
    let history = study.trials.filter { $0.state.isFinished || $0.state == .running }.sorted { $0.number < $1.number }.map { t in
      // Only complete trials carry a score: a diverged, failed or pruned one enters as the worst
      // seen; a running one is pending.
      let score = t.state == .complete ? t.value.map(settings.direction.score) : nil
      let constraints = t.state == .running ? nil : t.constraintValues(count: settings.constraints ?? 0)
      return Observation(point: t.params, score: score, joules: t.energyJ,
                         objectives: t.state == .running ? nil : study.objectiveScores(of: t),
                         pending: t.state == .running, constraints: constraints)
    }
    guard let s = try sampler.suggest(index: index, history: history) else { return nil }
    return (index, s.point, s.predictedJoules)
  }

  /// Copies the objective's outcome into the trial: a complete trial without a finite value failed.
  func record(_ outcome: TrialOutcome, in trial: inout Trial, since t0: Date) {
    trial.outcome = outcome
    trial.state = outcome.state == .running ? .complete : outcome.state
    trial.value = outcome.value.flatMap { $0.isFinite ? $0 : nil }
    if trial.state == .complete && trial.value == nil {
      trial.state = .failed
      trial.error = outcome.error ?? "objective returned no finite value"
    }
    trial.seconds = outcome.seconds ?? Date().timeIntervalSince(t0)
    trial.finishedAt = Date()
  }
}
