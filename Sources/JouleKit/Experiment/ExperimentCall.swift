import Energy
import Foundation
import Script
import StudyStore
import Tune

/// The body of `experiment(fn, factors: {...}, repeat: 30, ...)`: a designed experiment run as a
/// study (strategy "factorial"), so it is stored, resumed and spread over workers like `tune`.
///
///     e = experiment(fn(r) { train(simple_cnn(conv: r.conv), data, epochs: 1) },
///                    factors: {conv: [1, 4], relu: [false, true]}, repeat: 30, warmup: 60, rest: 10,
///                    seed: 1, study: "layers")
///     compare(e, by: "conv", metric: "energy_j")
///
/// The protocol of the green-software measurement practice: warm the machine up first (busy
/// work, measured and reported apart), run every combination × repetition in a seeded shuffled
/// order, rest between runs so one run's heat does not fall on the next, and measure each run's
/// joules around the function call alone.
enum ExperimentCall {
  static let parameters: [Parameter] = [
    Parameter("fn", .function, doc: "fn(row) for one run; row holds the factors' levels and repetition"),
    Parameter("factors", .record, doc: "each factor's levels: {conv: [1, 4], relu: [false, true]}"),
    Parameter("repeat", .int, default: .int(30), doc: "runs of each combination (the practice: about 30)"),
    Parameter("shuffle", .bool, default: .bool(true), doc: "run in seeded random order"),
    Parameter("warmup", .number, default: .float(0), doc: "seconds of busy work before the first run"),
    Parameter("rest", .number, default: .float(0), doc: "seconds of rest between runs"),
    Parameter("seed", .int, default: .int(1)),
    Parameter("study", .optional(.string), default: .some(.none), doc: "name: stores the runs and resumes them"),
    Parameter("store", .optional(.string), default: .some(.none), doc: "SQLite file (default studies.sqlite beside the script)"),
    Parameter("workers", .int, default: .int(1), doc: "runs at once on this machine, each in a worker process forked at the call"),
  ]

  static let builtin = Builtin("experiment", parameters, family: "statistics", doc: """
    Runs fn(row) for every combination of the factors × repeat, in seeded shuffled order, after a \
    warm-up and with rests between runs; measures each run's joules; stores and resumes like tune. \
    Returns the runs as a table (compare, boxplot and describe take it).
    """, body: run)

  static func run(_ a: BoundArguments, _ ctx: any CallContext) throws -> Value {
    let settings = try self.settings(a)
    let sampler = try SpaceBuiltins.wrap { try FactorialSampler(space: settings.space, repeats: settings.repeats ?? 1,
                                                                 seed: settings.seed, shuffle: settings.shuffle) }
    let location = try TuneCall.storeLocation(a, ctx, function: "experiment")
    let store = try location.map { l in try SpaceBuiltins.wrap { try StudyStore(location: l) } }
    let storePath = location?.display
    let fn = a["fn"]
    let warmupSeconds = try a.double("warmup"), restSeconds = try a.double("rest")
    guard warmupSeconds >= 0, restSeconds >= 0 else {
      throw ScriptError.runtime("experiment: warmup and rest are seconds, at least 0")
    }
    let line = ProgressLine(label: "experiment")
    var warmup: Warmup?
    var ranHere = 0
    var fatal: ScriptError?
    let failures = ObjectiveFailures(function: "experiment")
    let started = Date()

    let workers = try a.int("workers")
    guard (1...256).contains(workers) else { throw ScriptError.runtime("experiment: 'workers' must be 1 to 256, got \(workers)") }
    let objective: (StudyRunner.Request) -> TrialOutcome = { request in
      if warmup == nil && warmupSeconds > 0 && workers == 1 {
        line.update("warming up for \(Int(warmupSeconds)) s")
        warmup = Warmup.run(seconds: warmupSeconds)
        if Interrupt.requested { return TrialOutcome(state: .interrupted) }
      } else if ranHere > 0 && restSeconds > 0 {
        if !rest(restSeconds) { return TrialOutcome(state: .interrupted) }
      }
      ranHere += 1
      let repetition = sampler.repetition(at: request.suggestion)
      var row = ParameterConversion.record(request.params.map { ($0.name, $0.value) })
      row["repetition"] = .int(repetition)
      let outcome = measure(fn, row, failures: failures, ctx)
      if case .failure(let e) = outcome { fatal = e; return TrialOutcome(state: .failed, error: e.message) }
      return try! outcome.get()
    }
    let progress: (StudyProgress) -> Void = { p in
      // The pace of this session's runs, rests included: what the user waits for.
      let pace = ranHere > 0 ? Date().timeIntervalSince(started) / Double(ranHere) : nil
      line.update(progressText(done: p.current - 1, total: p.total, joules: p.spentJ,
                               eta: pace.map { $0 * Double(p.total - p.current + 1) }))
    }

    let study: Study
    do {
      if workers > 1 {
        // One warm-up for the machine, here, before the workers start from this state.
        if warmupSeconds > 0 {
          line.update("warming up for \(Int(warmupSeconds)) s")
          warmup = Warmup.run(seconds: warmupSeconds)
        }
        let runner = StudyRunner(settings: settings, store: store)
        study = try ParallelTrials.run(runner, workers: workers, ctx, progress: { p in
          line.update(progressText(done: max(0, p.current - 1), total: p.total, joules: p.spentJ, eta: p.etaSeconds))
        }) { request in
          let o = objective(request)
          if let fatal { throw WorkerObjectiveError(message: fatal.message) }
          return o
        }
      } else {
        study = try SpaceBuiltins.wrap {
          try StudyRunner(settings: settings, store: store).run(objective: objective,
                                                               shouldStop: { Interrupt.requested || fatal != nil }, progress: progress)
        }
      }
    } catch {
      line.clear()
      throw error
    }
    line.clear()
    if let fatal { throw fatal }
    try failures.raiseIfStopped(study)
    if let w = warmup {
      ctx.output.write("experiment: warm-up \(String(format: "%.0f", w.seconds)) s, \(String(format: "%.1f", w.joules)) J"
        + "\(w.estimated ? " (estimated)" : "") (not in the runs)\n")
    }
    if let reason = study.stopReason, reason != "done" {
      if reason == "interrupted" { Interrupt.clear() }
      let resume = reason == "interrupted" && storePath != nil ? "; run again to resume" : ""
      ctx.output.write("experiment: \(settings.name) stopped (\(reason)) after \(study.finishedCount) of "
        + "\(settings.trials) runs\(resume)\n")
    }
    return .host(ExperimentValue(study, sampler: sampler, warmup: warmup, storePath: storePath))
  }

  /// "run 12/240 · 1234 J · ETA 1:02:03"
  static func progressText(done: Int, total: Int, joules: Double, eta: Double?) -> String {
    var text = "\(done)/\(total) runs done · \(Int(joules.rounded())) J"
    if let eta, eta.isFinite {
      let t = Int(eta.rounded())
      text += " · ETA " + (t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                                      : String(format: "%d:%02d", t / 60, t % 60))
    }
    return text
  }

  /// Rests in short naps so Ctrl-C still stops at once; false when interrupted.
  static func rest(_ seconds: Double) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if Interrupt.requested { return false }
      Thread.sleep(forTimeInterval: min(0.05, max(0, end.timeIntervalSinceNow)))
    }
    return !Interrupt.requested
  }

  /// Calls fn once inside an energy window. The run's joules are the window's; the numbers fn
  /// returns (a train run's accuracy, say) travel along as metrics.
  static func measure(_ fn: Value, _ row: Record, failures: ObjectiveFailures? = nil,
                      _ ctx: any CallContext) -> Result<TrialOutcome, ScriptError> {
    // Runs side by side (workers:) each get their process tree's share of the machine's joules.
    let share = WorkerProcess.isWorker ? TreeShareWindow(root: getpid(), every: 1) : nil
    defer { share?.stop() }
    return measureRun(fn, row, failures: failures, ctx).map { outcome in
      guard let share, let machine = outcome.energyJ else { return outcome }
      var o = outcome
      o.machineEnergyJ = machine
      o.energyJ = share.joules(ofMachine: machine)
      o.value = o.energyJ
      o.energySource = (o.energySource ?? "unknown") + "; " + CPUShare.method
      return o
    }
  }

  private static func measureRun(_ fn: Value, _ row: Record, failures: ObjectiveFailures?,
                                 _ ctx: any CallContext) -> Result<TrialOutcome, ScriptError> {
    let window = EnergyWindow.begin()
    let t0 = Date()
    let result: Value
    do {
      result = try ctx.call(fn, Arguments([.record(row)]))
    } catch let e as ScriptError {
      let r = window.finish()
      if e.kind == .interrupted { return .success(TrialOutcome(state: .interrupted)) }
      failures?.record(e)
      return .success(TrialOutcome(state: .failed, energyJ: r.joules, energySource: r.source, energyEstimated: r.estimated,
                                   seconds: Date().timeIntervalSince(t0), error: ObjectiveFailures.text(of: e)))
    } catch {
      return .failure(.runtime("experiment: \(error)"))
    }
    let r = window.finish()
    var outcome = TrialOutcome(state: .complete, value: r.joules, energyJ: r.joules, energySource: r.source,
                               energyEstimated: r.estimated, seconds: Date().timeIntervalSince(t0))
    var names: [String] = []
    switch result {
    case .record(let rec): names = rec.keys
    case .host(let h): names = h.fieldNames
    case .int, .float: if let x = result.number, x.isFinite { outcome.metrics["result"] = x }
    default: break
    }
    // A program's run keeps its bookkeeping (exit code, memory, CPU share) to itself.
    let isProgram = RowSource.field(result, "exit_code") != nil && RowSource.field(result, "metrics") != nil
    for n in names where !ExperimentValue.runColumns.contains(n) && !EnergyFields.names.contains(n)
      && !(isProgram && CommandRecord.bookkeeping.contains(n)) {
      if let x = RowSource.field(result, n)?.number, x.isFinite { outcome.metrics[n] = x }
    }
    // A program's run (command()) brings its own numbers under `metrics`: they are columns too.
    if case .record(let m)? = RowSource.field(result, "metrics") {
      for (n, v) in m.pairs where !ExperimentValue.runColumns.contains(n) {
        if let x = v.number, x.isFinite { outcome.metrics[n] = x }
      }
    }
    // fn's own joules (a train run's) are kept beside the window's, under their own name.
    if let j = RowSource.field(result, "energy_j")?.number, j.isFinite { outcome.metrics["fn_energy_j"] = j }
    // The machine's busy CPU seconds over the run: what `compare` recomputes the run's joules
    // from under another estimate shape. A metric, so the store and the workers carry it.
    if let busy = r.energy.busyCPUSeconds { outcome.metrics["machine_cpu_seconds"] = busy }
    return .success(outcome)
  }

  static func settings(_ a: BoundArguments) throws -> StudySettings {
    let factors = try a.record("factors")
    guard factors.count > 0 else { throw ScriptError.runtime("experiment: give at least one factor, e.g. factors: {conv: [1, 4]}") }
    let pairs = try factors.pairs.map { name, levels -> (String, Tune.Dimension) in
      guard case .list(let l) = levels, !l.isEmpty else {
        throw ScriptError.runtime("experiment: factor '\(name)' must be a list of levels, got \(levels.typeName)")
      }
      if ExperimentValue.runColumns.contains(name) {
        throw ScriptError.runtime("experiment: '\(name)' is a column the experiment writes; name the factor otherwise")
      }
      return (name, try SpaceBuiltins.dimension(levels, name: name))
    }
    let space = try SpaceBuiltins.wrap { try SearchSpace(pairs) }
    let name = try a.optionalString("study") ?? "experiment-\(Int(Date().timeIntervalSince1970))"
    var s = StudySettings(name: name, space: space, strategy: .factorial)
    s.seed = try a.int("seed")
    let repeats = try a.int("repeat")
    guard repeats >= 1 else { throw ScriptError.runtime("experiment: 'repeat' must be at least 1, got \(repeats)") }
    s.repeats = repeats
    s.shuffle = try a.bool("shuffle")
    s.metric = "energy_j"
    s.direction = Direction.minimize
    let combinations = space.dimensions.reduce(1) { $0 * max(1, $1.gridValues(1).count) }
    s.trials = combinations * repeats
    return s
  }
}

/// The warm-up as measured: seconds of busy work and its joules, reported apart from the runs.
struct Warmup {
  var seconds: Double
  var reading: EnergyReading
  var joules: Double { reading.joules }
  var estimated: Bool { reading.estimated }

  static func run(seconds: Double) -> Warmup {
    let window = EnergyWindow.begin()
    let spent = WarmUp.run(seconds: seconds, shouldStop: { Interrupt.requested })
    let r = window.finish()
    return Warmup(seconds: spent, reading: r.energy)
  }
}
