import Energy
import Foundation
import Script
import StudyStore
import Tune
import TuneNumerics

/// The body of `tune(objective, space, ...)`: reads the settings, runs the study through
/// `StudyRunner`, and calls the language function once per trial inside an energy window.
///
///     s = tune(fn(p) { train(simple_cnn(), data, optimizer: adam(lr: p.lr)) }, sp,
///              strategy: "bayes", trials: 20, budget_j: 50000, study: "adam-lr")
enum TuneCall {
  static let parameters: [Parameter] = [
    Parameter("objective", .function, doc: "fn(params) returning a number or a record such as a train run"),
    Parameter("space", .any, doc: "space(...) or a record of dimensions"),
    Parameter("strategy", .string, default: .string("bayes"), doc: "\"grid\", \"random\", \"bayes\", \"tpe\" or \"nsga2\" (two objectives)"),
    Parameter("trials", .int, default: .int(20), doc: "finished trials wanted"),
    Parameter("seed", .int, default: .int(1)),
    Parameter("maximize", .optional(.string), default: .some(.none), doc: "field to maximise (default accuracy, or the number)"),
    Parameter("minimize", .optional(.string), default: .some(.none), doc: "field to minimise instead; with maximize: too, both (a Pareto front)"),
    Parameter("budget_j", .optional(.number), default: .some(.none), doc: "stop before the next trial would likely exceed these joules"),
    Parameter("study", .optional(.string), default: .some(.none), doc: "name: stores the study and resumes it if it exists"),
    Parameter("store", .optional(.string), default: .some(.none),
              doc: "SQLite file or postgresql://user:password@host:port/db (default JOULE_STORE, else studies.sqlite beside the script)"),
    Parameter("workers", .int, default: .int(1), doc: "trials at once on this machine, each in a worker process forked at the call"),
    Parameter("stale_after", .number, default: .float(Liveness.defaultGrace),
              doc: "seconds without a heartbeat before another worker takes a running trial over"),
    Parameter("acquisition", .string, default: .string("ei"), doc: "bayes: \"ei\", \"pi\" (the paper's), \"ucb\" or \"ei_per_joule\""),
    Parameter("grid", .int, default: .int(5), doc: "grid values per continuous range (the paper: 5)"),
    Parameter("grid_upper", .bool, default: .bool(false), doc: "grid includes the upper bound (the paper's rule does not)"),
    Parameter("shuffle", .bool, default: .bool(true), doc: "grid visits points in seeded random order"),
    Parameter("initial", .optional(.int), default: .some(.none), doc: "bayes/tpe: trials before the model (bayes: a Latin hypercube, default dimensions + 1; tpe: random, 10)"),
    Parameter("candidates", .int, default: .int(2048), doc: "bayes: random candidates per suggestion before the L-BFGS ascents (the paper: 10,000, no ascent)"),
    Parameter("reference", .optional(.list), default: .some(.none),
              doc: "two objectives: hypervolume reference point [maximised, minimised] in their units"),
    Parameter("prune", .optional(.string), default: .some(.none),
              doc: "stop poor trials early from their epochs/report()s: \"median\", \"halving\", \"hyperband\" or \"none\" (nil); two objectives: \"median\" only (dominance at equal steps)"),
    Parameter("constraints", .optional(.list), default: .some(.none),
              doc: "fns of the finished trial returning a bool (true: allowed) or a number (<= 0 allowed); bayes keeps to where they hold, best skips trials that break one"),
  ]

  static func run(_ a: BoundArguments, _ ctx: any CallContext) throws -> Value {
    let settings = try self.settings(a, ctx)
    let workers = try a.int("workers")
    guard (1...256).contains(workers) else { throw ScriptError.runtime("tune: 'workers' must be 1 to 256, got \(workers)") }
    let grace = try a.double("stale_after")
    guard grace > 0, grace.isFinite else { throw ScriptError.runtime("tune: 'stale_after' must be positive seconds, got \(grace)") }
    let liveness = Liveness(grace: grace)
    let location = try storeLocation(a, ctx)
    let store = try location.map { l in try SpaceBuiltins.wrap { try StudyStore(location: l) } }
    let objective = a["objective"]
    let constraints = try constraintFunctions(a)

    let study: Study
    let failures = ObjectiveFailures(function: "tune")
    if workers > 1 {
      let runner = StudyRunner(settings: settings, store: store)
      runner.liveness = liveness
      let line = ProgressLine(label: "tune")
      defer { line.clear() }
      study = try ParallelTrials.run(runner, workers: workers, ctx, progress: { line.update($0.line) }) { request in
        // Quiet: the children would each say the selection notice once.
        switch evaluate(objective, request, settings: settings, failures: failures, selection: SelectionSplit(quiet: true),
                       constraints: constraints, ctx) {
        case .success(let outcome): return outcome
        case .failure(let e): throw WorkerObjectiveError(message: e.message)
        }
      }
      // The lead says it for them, once a session as in one process, from what the trials held.
      _ = SelectionSplit().field(for: settings.metric, has: { name in study.trials.contains { $0.metrics[name] != nil } }, ctx)
    } else {
      study = try runHere(settings, store: store, liveness: liveness, objective: objective, failures: failures,
                          selection: SelectionSplit(), constraints: constraints, ctx)
    }
    try failures.raiseIfStopped(study)
    let value = StudyValue(study, storePath: location?.display)
    if let reason = study.stopReason, reason != "done" {
      if reason == "interrupted" { Interrupt.clear() }
      let resume = reason == "interrupted" && location != nil ? "; run again to resume" : ""
      ctx.output.write("tune: \(settings.name) stopped (\(reason)) after \(study.finishedCount) trials\(resume)\n")
    }
    return .host(value)
  }

  /// One trial at a time in this process (other processes may work on the same study).
  static func runHere(_ settings: StudySettings, store: StudyStore?, liveness: Liveness, objective: Value,
                      failures: ObjectiveFailures? = nil, selection: SelectionSplit? = nil, constraints: [Value] = [],
                      _ ctx: any CallContext) throws -> Study {
    var fatal: ScriptError?
    let line = ProgressLine(label: "tune")
    let runner = StudyRunner(settings: settings, store: store)
    runner.liveness = liveness
    let study: Study
    do {
      study = try SpaceBuiltins.wrap {
        try runner.run(objective: { request in
          let outcome = evaluate(objective, request, settings: settings, failures: failures, selection: selection,
                                 constraints: constraints, ctx)
          if case .failure(let e) = outcome { fatal = e; return TrialOutcome(state: .failed, error: e.message) }
          return try! outcome.get()
        }, shouldStop: { Interrupt.requested || fatal != nil }, progress: { p in line.update(p.line) })
      }
    } catch {
      line.clear()
      throw error
    }
    line.clear()
    if let fatal { throw fatal }
    return study
  }

  /// Calls the objective once. A configuration mistake (no usable value at all) comes back as a
  /// failure that ends the study; a trial's own error is a failed trial.
  static func evaluate(_ fn: Value, _ request: StudyRunner.Request, settings: StudySettings,
                       failures: ObjectiveFailures? = nil, selection: SelectionSplit? = nil, constraints: [Value] = [],
                       _ ctx: any CallContext) -> Result<TrialOutcome, ScriptError> {
    // Trials that share this machine get their share of its joules (Energy.TreeShareWindow).
    let share = WorkerProcess.isWorker || ProcessInfo.processInfo.environment["JOULE_ATTRIBUTE"] == CPUShare.method
      ? TreeShareWindow(root: getpid(), every: 1) : nil
    defer { share?.stop() }
    return call(fn, request, settings: settings, failures: failures, selection: selection ?? SelectionSplit(quiet: true),
                share: share, ctx)
      .map { outcome in
      var o = outcome
      // Every meter sees the whole machine: RAPL and NVML count it, the estimate models its
      // busy CPU time. So estimated trials are shared out like measured ones.
      // Joules of unknown provenance, or already a share (a command() record), stay as they are.
      guard o.energyEstimated != nil, o.energySource?.contains(CPUShare.method) != true else { return o }
      o.machineEnergyJ = o.energyJ
      if let share, let machine = o.energyJ {
        o.energyJ = share.joules(ofMachine: machine)
        o.energySource = (o.energySource ?? "unknown") + "; " + CPUShare.method
      }
      return o
    }.flatMap { TrialConstraints.apply(constraints, to: $0, request: request, ctx) }
  }

  private static func call(_ fn: Value, _ request: StudyRunner.Request, settings: StudySettings,
                           failures: ObjectiveFailures?, selection: SelectionSplit, share: TreeShareWindow? = nil,
                           _ ctx: any CallContext) -> Result<TrialOutcome, ScriptError> {
    let params = ParameterConversion.record(request.params.map { ($0.name, $0.value) })
    // Intermediate reports (train's epochs, report(), JOULE_REPORT lines) reach this trial's monitor.
    let monitor = request.monitor
    let outer = TrialReportHook.current, outerPlan = TrialReportHook.currentPlan
    TrialReportHook.current = { step, values in
      let stop = monitor.report(step: step, values: values)
      if let keys = monitor.unreadKeys { ReportNotice.tell(keys, study: settings, ctx) }
      return stop
    }
    TrialReportHook.currentPlan = { monitor.plan(steps: $0) }
    defer {
      TrialReportHook.current = outer
      TrialReportHook.currentPlan = outerPlan
    }
    let window = EnergyWindow.begin()
    // Joules so far for a second objective energy_j, on the same footing as the trial's total.
    monitor.measure { window.mark().joules * (share?.fractionSoFar ?? 1) }
    let started = Date()
    let result: Value
    do {
      result = try ctx.call(fn, Arguments([.record(params)]))
    } catch let e as ScriptError {
      let r = window.finish()
      let state: TrialState = e.kind == .interrupted ? .interrupted : .failed
      failures?.record(e)
      return .success(TrialOutcome(state: state, energyJ: r.joules, energySource: r.source, energyEstimated: r.estimated,
                                   seconds: Date().timeIntervalSince(started),
                                   error: e.kind == .interrupted ? nil : ObjectiveFailures.text(of: e)))
    } catch {
      let r = window.finish()
      return .success(TrialOutcome(state: .failed, energyJ: r.joules, energySource: r.source, energyEstimated: r.estimated,
                                   seconds: Date().timeIntervalSince(started), error: "\(error)"))
    }
    let reading = window.finish()
    let outcome = TrialOutcome(state: .complete, energyJ: reading.joules, energySource: reading.source,
                               energyEstimated: reading.estimated, seconds: Date().timeIntervalSince(started))
    // "accuracy" of a train run on data with a validation split is its val_accuracy.
    let metric = selection.field(for: settings.metric, has: { RowSource.field(result, $0) != nil }, ctx)
    // The rules live in Tune (`TrialOutcome.from`); here the language's value is only read.
    return TrialOutcome.from(ObjectiveValues.make(result), measured: outcome, metric: metric,
                             stoppedEarly: monitor.verdict != .running)
      .mapError { ScriptError.runtime($0.description) }
  }

  static func settings(_ a: BoundArguments, _ ctx: any CallContext) throws -> StudySettings {
    let space: SearchSpace
    switch a["space"] {
    case .host(let s as SpaceValue): space = s.space
    case .record(let r):
      let pairs = try r.pairs.map { ($0.0, try SpaceBuiltins.dimension($0.1, name: $0.0)) }
      space = try SpaceBuiltins.wrap { try SearchSpace(pairs) }
    default:
      throw ScriptError.runtime("tune: 'space' must be space(...) or a record of dimensions, got \(a["space"].typeName)")
    }
    let strategyName = try a.string("strategy")
    guard let strategy = Strategy(rawValue: strategyName.lowercased()) else {
      let hint = Suggestion.closest(to: strategyName, among: Strategy.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
      throw ScriptError.runtime("tune: unknown strategy '\(strategyName)' (grid, random, bayes, tpe or nsga2)\(hint)")
    }
    let acqName = try a.string("acquisition")
    guard let acquisition = Acquisition(name: acqName) else {
      throw ScriptError.runtime("tune: unknown acquisition '\(acqName)' (\(Acquisition.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let name = try a.optionalString("study") ?? "\(strategy.rawValue)-\(Int(Date().timeIntervalSince1970))"
    var s = StudySettings(name: name, space: space, strategy: strategy)
    s.seed = try a.int("seed")
    s.trials = try a.int("trials")
    guard s.trials >= 1 else { throw ScriptError.runtime("tune: 'trials' must be at least 1, got \(s.trials)") }
    switch (try a.optionalString("maximize"), try a.optionalString("minimize")) {
    case (let m?, let n?):
      // Both: a two-objective study (accuracy against energy); the maximised one is the value.
      s.metric = m; s.direction = .maximize
      s.secondObjective = Objective(metric: n, direction: .minimize)
    case (let m?, nil): s.metric = m; s.direction = .maximize
    case (nil, let m?): s.metric = m; s.direction = .minimize
    case (nil, nil): s.metric = "accuracy"; s.direction = .maximize
    }
    s.budgetJ = try a.optionalDouble("budget_j")
    if let b = s.budgetJ, !(b > 0) { throw ScriptError.runtime("tune: 'budget_j' must be positive, got \(b)") }
    s.acquisition = acquisition
    s.grid = try a.int("grid")
    guard s.grid >= 1 else { throw ScriptError.runtime("tune: 'grid' must be at least 1, got \(s.grid)") }
    s.gridIncludeUpper = try a.bool("grid_upper")
    s.shuffle = try a.bool("shuffle")
    s.initial = try a.optionalInt("initial")
    if let i = s.initial, i < 1 { throw ScriptError.runtime("tune: 'initial' must be at least 1, got \(i)") }
    if case .list(let items) = a["reference"] {
      let r = items.compactMap(\.number)
      guard r.count == 2, items.count == 2, s.secondObjective != nil else {
        throw ScriptError.runtime("tune: 'reference' is two numbers, one per objective, for a study with maximize: and minimize:")
      }
      s.reference = r
    }
    if let p = try a.optionalString("prune") {
      guard let kind = PrunerKind(rawValue: p.lowercased()) else {
        throw ScriptError.runtime("tune: unknown prune '\(p)' (median, halving, hyperband or none)")
      }
      s.prune = kind
    }
    if case .list(let fns) = a["constraints"], !fns.isEmpty { s.constraints = fns.count }
    s.candidates = try a.int("candidates")
    guard s.candidates >= 1 else { throw ScriptError.runtime("tune: 'candidates' must be at least 1, got \(s.candidates)") }
    return s
  }

  /// The `constraints:` list, every item a function.
  static func constraintFunctions(_ a: BoundArguments) throws -> [Value] {
    guard case .list(let fns) = a["constraints"] else { return [] }
    for (i, f) in fns.enumerated() {
      switch f {
      case .closure, .builtin: continue
      default:
        throw ScriptError.runtime("tune: constraints[\(i)] is \(f.typeName), not a function such as fn(t) { t.energy_j <= 40 }")
      }
    }
    return fns
  }

  /// Where the study is stored (see `store(_:_:)`). nil keeps an unnamed study in memory
  /// (with or without workers: the lead holds it).
  static func storeLocation(_ a: BoundArguments, _ ctx: any CallContext,
                            function: String = "tune") throws -> StoreLocation? {
    let given = try a.optionalString("store")
    guard given != nil || a.has("study") else { return nil }
    let (location, file) = store(given, ctx)
    if let file, let problem = FileProblem.problemWriting(file) {
      throw ScriptError.runtime("\(function): store \(problem)")
    }
    return location
  }

  /// The store a call names: `store:` (a path in the program: beside the notebook or script,
  /// the working directory at the prompt), else `JOULE_STORE` (a path from the environment:
  /// the working directory, as `joule studies` reads it), else studies.sqlite beside the
  /// program. See `UserPath`.
  static func store(_ given: String?, _ ctx: any CallContext) -> (location: StoreLocation, file: UserPath?) {
    let environment = ProcessInfo.processInfo.environment["JOULE_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    switch StoreLocation(given ?? environment ?? "studies.sqlite") {
    case .postgres(let url): return (.postgres(url: url), nil)
    case .sqlite(let path):
      let file = given == nil && environment != nil ? UserPath.fromEnvironment(path) : UserPath.inProgram(path, ctx)
      return (.sqlite(path: file.absolute), file)
    }
  }

  /// A path written in the program, made absolute (see `UserPath`).
  static func resolve(_ path: String, _ ctx: any CallContext) -> String {
    UserPath.inProgram(path, ctx).absolute
  }
}
