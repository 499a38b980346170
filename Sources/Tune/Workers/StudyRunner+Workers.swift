import Foundation

/// A study run by a lead and its forked workers: the lead claims each trial (the sampler, the
/// store and the budget stay in one process), hands it to an idle worker, keeps it alive in the
/// store, and records what comes back; the workers only run the objective.
///
///     let team = try ForkedWorkers(count: 4) { requests, results in
///       WorkerLoop.serve(requests: requests, results: results) { t, c in runner.execute(t, curves: c, objective: f) }
///     }
///     let study = try runner.run(team: team, shouldStop: { Interrupt.requested }, output: { print($0, terminator: "") })
///
/// Ctrl-C (`shouldStop`) is passed on as one SIGINT per worker; each marks its trial
/// interrupted and sends it back, and a worker that has not answered after `interruptGrace`
/// seconds is killed (its trial recorded interrupted by the lead). A worker that ends while it
/// runs a trial loses only that trial: killed by a signal it is `stale` (its suggestion runs
/// again, as when a machine vanishes), any other end is `failed` with the worker's last words.
/// A misconfigured objective stops the study once with `WorkerObjectiveError`.
extension StudyRunner {
  public func run(team: ForkedWorkers, shouldStop: () -> Bool, progress: ((StudyProgress) -> Void)? = nil,
                  output: (String) -> Void, interruptGrace: Double = 10) throws -> Study {
    let sampler = try settings.makeSampler()
    var local = try store?.open(settings, grace: liveness.grace) ?? Study(settings: settings)
    // The study as the lead last saw it (other processes' trials included), for progress.
    var known = local
    let lead = worker
    defer { worker = lead }
    struct Running { var trial: Trial; var beat: Heartbeat?; var started: Date }
    var running: [Int: Running] = [:]
    var stopReason: String?
    var fatal: String?
    var failures = FailureStreak()
    var interruptedAt: Date?
    var nextClaim = Date.distantPast
    let started = Date()
    var finishedHere = 0

    func finish(_ t: Trial) throws {
      var trial = t
      if trial.finishedAt == nil { trial.finishedAt = Date() }
      if let store {
        if try !store.finish(trial, in: settings.name) {
          stopReason = stopReason ?? "trial \(trial.number) was marked stale while it ran; its result was not counted"
        }
      } else if let i = local.trials.firstIndex(where: { $0.number == trial.number }) {
        local.trials[i] = trial
      }
      if let i = known.trials.firstIndex(where: { $0.number == trial.number }) { known.trials[i] = trial }
    }

    while true {
      if stopReason == nil && shouldStop() { stopReason = "interrupted" }
      if (stopReason == "interrupted" || fatal != nil) && interruptedAt == nil && !running.isEmpty {
        team.interrupt()
        interruptedAt = Date()
      }
      // Hand a trial to every idle worker while the study wants more.
      if stopReason == nil && Date() >= nextClaim {
        for i in team.alive where running[i] == nil {
          worker = team.name(i)
          let (decision, study) = try claim(&local) { study in
            let d = try self.decide(study, sampler: sampler)
            if case .run(let t) = d { return (t, (d, study)) }
            return (nil, (d, study))
          }
          if case .stop(let reason) = decision { stopReason = reason; break }
          guard case .run(let trial) = decision else {
            // The rest runs elsewhere (or soon finishes here): look again in a while.
            nextClaim = Date().addingTimeInterval(pollInterval)
            break
          }
          known = study
          if !known.trials.contains(where: { $0.number == trial.number }) { known.trials.append(trial) }
          let beat = store.map { Heartbeat(store: $0, study: settings.name, number: trial.number, worker: worker,
                                           every: liveness.interval) }
          running[i] = Running(trial: trial, beat: beat, started: Date())
          if !team.send(trial, curves: curves(excluding: trial.number, study: study), to: i) {
            break   // it has ended: `wait` reports it and its trial
          }
        }
        worker = lead
      }
      if running.isEmpty && (stopReason != nil || team.alive.isEmpty) { break }
      let finished = known.finishedCount
      let elapsed = Date().timeIntervalSince(started)
      progress?(StudyProgress(current: min(settings.trials, finished + max(1, running.count)), total: settings.trials,
                              best: known.best?.value, spentJ: known.spentJ, budgetJ: settings.budgetJ,
                              etaSeconds: finishedHere > 0 ? elapsed / Double(finishedHere) * Double(settings.trials - finished) : nil))
      for event in team.wait(timeout: 0.1) {
        // A trial that ends may change what the study wants: decide again at once.
        if case .output = event {} else { nextClaim = .distantPast }
        switch event {
        case .output(_, let text):
          output(text)
        case .done(let i, let trial), .fatal(let i, let trial, _):
          guard let r = running.removeValue(forKey: i) else { continue }
          r.beat?.stop()
          try finish(trial)
          if case .fatal(_, _, let message) = event, fatal == nil {
            fatal = message
            stopReason = "fatal"
          }
          if trial.state == .interrupted, stopReason == nil { stopReason = "interrupted" }
          if trial.state != .interrupted, stopReason == nil, let reason = failures.record(trial) { stopReason = reason }
          finishedHere += 1
        case .ended(let i, let status, let log):
          guard var r = running.removeValue(forKey: i) else { continue }
          r.beat?.stop()
          if interruptedAt != nil {
            r.trial.state = .interrupted
          } else if status > 128 {
            r.trial.state = .stale
            r.trial.error = "worker \(i + 1) ended by signal \(status - 128) while the trial ran"
          } else {
            r.trial.state = .failed
            r.trial.error = "worker \(i + 1) ended with status \(status) while the trial ran" + (log.isEmpty ? "" : ": " + log)
          }
          r.trial.seconds = Date().timeIntervalSince(r.started)
          try finish(r.trial)
          if r.trial.state == .failed, stopReason == nil, let reason = failures.record(r.trial) { stopReason = reason }
        }
      }
      if let t = interruptedAt, Date().timeIntervalSince(t) > interruptGrace {
        // Workers that ignore SIGINT (a trial inside a long C call) end here; `.ended` marks them.
        for i in running.keys { kill(team.pid(i), SIGKILL) }
        interruptedAt = Date.distantFuture
      }
    }
    team.close()
    if let fatal { throw WorkerObjectiveError(message: fatal) }
    var study = try store?.load(settings.name) ?? local
    study.settings = settings
    let reason = stopReason ?? (team.alive.isEmpty && study.finishedCount < settings.trials ? "every worker ended" : "done")
    study.stopReason = study.finishedCount >= settings.trials && reason != "interrupted" ? "done" : reason
    progress?(StudyProgress(current: study.finishedCount, total: settings.trials, best: study.best?.value,
                            spentJ: study.spentJ, budgetJ: settings.budgetJ, etaSeconds: 0))
    return study
  }

  /// Runs one trial the lead sent, in a worker: the objective under a monitor built from the
  /// other trials' curves, its outcome copied into the trial as `run(objective:)` would. A
  /// thrown `WorkerObjectiveError` becomes a `fatal` message.
  public func execute(_ trial: Trial, curves: [IntermediateCurve],
                      objective: (Request) throws -> TrialOutcome) -> WorkerMessage {
    var trial = trial
    let monitor = makeMonitor(number: trial.number, curves: curves)
    let t0 = Date()
    do {
      let outcome = try objective(Request(number: trial.number, params: settings.space.record(trial.params).map { ($0.0, $0.1) },
                                          monitor: monitor, suggestion: trial.suggestion))
      record(outcome, in: &trial, since: t0)
      if trial.state != .interrupted { monitor.apply(to: &trial) }
      return .done(trial: trial)
    } catch {
      record(TrialOutcome(state: .failed, error: "\(error)"), in: &trial, since: t0)
      return .fatal(trial: trial, message: "\(error)")
    }
  }
}
