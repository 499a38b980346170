import Foundation
import Script
import StudyStore
import Tune

/// Builtins that read studies: `best`, `pareto`, `rounds_to`, `load_study`, `studies`.
///
///     best(s).params
///     pareto(s, x: "energy_j", y: "accuracy")
///     rounds_to(s, 0.85)                 # first trial number whose best so far reaches 0.85
///     load_study("adam", store: "studies.sqlite")
enum StudyBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(Builtin(
      "best", [Parameter("study", .host("study"))], family: "tuning",
      doc: "The best complete trial of a study as a record (nil if none finished).") { a, _ in
      try a.host("study", as: StudyValue.self).bestRow.map { .record($0) } ?? Value.none
    })
    registry.register(Builtin(
      "pareto", [Parameter("study", .host("study")),
                 Parameter("x", .string, default: .string("energy_j")), Parameter("y", .string, default: .string("accuracy")),
                 Parameter("maximize_x", .bool, default: .bool(false)), Parameter("maximize_y", .bool, default: .bool(true))],
      family: "tuning",
      doc: "The non-dominated complete trials (low x, high y by default), sorted by x: pareto(s, x: \"energy_j\", y: \"accuracy\").") { a, _ in
      let s = try a.host("study", as: StudyValue.self)
      let x = try a.string("x"), y = try a.string("y")
      for f in [x, y] where !s.study.trials.contains(where: { s.study.field(f, of: $0) != nil }) {
        let known = ["number", "value", "energy_j", "seconds"] + s.study.settings.space.names
          + Array(Set(s.study.trials.flatMap { $0.metrics.keys })).sorted()
        let hint = Suggestion.closest(to: f, among: known).map { "; did you mean '\($0)'?" } ?? ""
        if !s.study.trials.isEmpty { throw ScriptError.runtime("pareto: no trial has a number '\(f)'\(hint)") }
      }
      let front = Set(s.study.pareto(x: x, y: y, maximizeX: try a.bool("maximize_x"), maximizeY: try a.bool("maximize_y")).map(\.number))
      let rows = s.study.rows.filter { front.contains($0.trial.number) }.map(s.row)
      let key: (Record) -> Double = { r in r[x]?.number ?? (r["params"].flatMap { p -> Double? in
        if case .record(let pr) = p { return pr[x]?.number } else { return nil } } ?? 0) }
      return .table(rows.sorted { key($0) < key($1) })
    })
    registry.register(Builtin(
      "hypervolume", [Parameter("study", .host("study")),
                      Parameter("reference", .optional(.list), default: .some(.none),
                                doc: "[maximised, minimised] in the objectives' units (default: the study's)"),
                      Parameter("upto", .optional(.int), default: .some(.none), doc: "only trials numbered up to this")],
      family: "tuning",
      doc: "Hypervolume of a two-objective study's complete trials against a reference point: hypervolume(s, reference: [0, 500]).") { a, _ in
      let s = try a.host("study", as: StudyValue.self).study
      var reference: [Double]?
      if case .list(let items) = a["reference"] {
        reference = items.compactMap(\.number)
        guard reference!.count == 2, items.count == 2 else {
          throw ScriptError.runtime("hypervolume: 'reference' must be two numbers, got \(items.count) values")
        }
      }
      guard let v = s.hypervolume(reference: reference, upTo: try a.optionalInt("upto")) else {
        throw ScriptError.runtime("hypervolume: study '\(s.name)' has one objective; tune with maximize: and minimize:")
      }
      return .float(v)
    })
    registry.register(Builtin(
      "rounds_to", [Parameter("study", .host("study")), Parameter("target", .number)], family: "tuning",
      doc: "The first trial number whose best-so-far reaches target (the paper's rounds to the optimum), or nil.") { a, _ in
      try a.host("study", as: StudyValue.self).study.roundsTo(try a.double("target")).map { .int($0) } ?? Value.none
    })
    registry.register(Builtin(
      "load_study", [Parameter("name", .string),
                     Parameter("store", .optional(.string), default: .some(.none),
                               doc: "SQLite file (relative: to the notebook's or script's folder, the working directory at the prompt) or postgresql:// URL (default JOULE_STORE, else studies.sqlite)")],
      family: "tuning", doc: "Reads a stored study back: load_study(\"adam\").") { a, ctx in
      let store = try openExisting(try a.optionalString("store"), ctx, function: "load_study")
      let path = store.path
      let name = try a.string("name")
      guard let study = try SpaceBuiltins.wrap({ try store.load(name) }) else {
        let names = (try? store.list().map(\.name)) ?? []
        let hint = Suggestion.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("load_study: no study '\(name)' in \(path)\(hint)")
      }
      return .host(StudyValue(study, storePath: path))
    })
    registry.register(Builtin(
      "studies", [Parameter("store", .optional(.string), default: .some(.none))], family: "tuning",
      doc: "A table of the studies in a store: name, strategy, trials wanted, finished, complete, running, failed, stale (and interrupted), best, spent_j.") { a, ctx in
      let store = try openExisting(try a.optionalString("store"), ctx, function: "studies")
      return .table(try SpaceBuiltins.wrap { try store.list() }.map { s in
        let count = { (state: TrialState) in s.trials.filter { $0.state == state }.count }
        return Record([("name", .string(s.name)), ("strategy", .string(s.settings.strategy.rawValue)),
                ("metric", .string(s.settings.metric)), ("direction", .string(s.settings.direction.rawValue)),
                ("trials", .int(s.settings.trials)), ("finished", .int(s.finishedCount)),
                ("complete", .int(count(.complete))), ("running", .int(count(.running))),
                ("failed", .int(count(.failed) + count(.diverged))), ("stale", .int(count(.stale) + count(.interrupted))),
                ("best", s.best?.value.map { .float($0) } ?? Value.none), ("spent_j", .float(s.spentJ)),
                ("budget_j", s.settings.budgetJ.map { .float($0) } ?? Value.none)])
      })
    })
  }

  /// Opens a store that must already exist (reading never creates an empty file): `store:`,
  /// else `JOULE_STORE`, else studies.sqlite beside the script.
  static func openExisting(_ given: String?, _ ctx: any CallContext, function: String) throws -> StudyStore {
    let (location, file) = TuneCall.store(given, ctx)
    if let file, let problem = FileProblem.problemReading(file) {
      throw ScriptError.runtime("\(function): no study store: \(problem)")
    }
    return try SpaceBuiltins.wrap { try StudyStore(location: location) }
  }
}
