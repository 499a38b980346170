import Script

/// `report(value, step:)`: an intermediate value of the running `tune` trial, for pruning.
///
///     tune(fn(p) {
///       for epoch in range(1, 11) { acc = one_epoch(p); report(acc, step: epoch) }
///       acc
///     }, sp, prune: "median")
///
/// `value` is a number (the study's metric, whatever its name and direction) or a record of
/// numbers (`{accuracy: a, loss: l}`; a record without the study's metric is told once);
/// `step` defaults to the one after the last. When the study's pruner (or the divergence rule)
/// stops the trial, `report` ends the objective at once by raising a "pruned" error that `tune`
/// records as state `pruned` (or `diverged`), keeping the values and joules so far. Outside a trial
/// it does nothing and returns false, so an objective also runs on its own.
enum ReportBuiltin {
  static let builtin = Builtin(
    "report", [Parameter("value", .oneOf([.number, .record]), doc: "the metric so far, or a record of numbers"),
               Parameter("step", .optional(.int), default: .some(.none), doc: "epoch or step number (default: the next)")],
    family: "tuning",
    doc: "Reports an intermediate value of the running tune trial; stops the trial when the pruner says so."
  ) { a, _ in
    var values: [String: Double] = [:]
    switch a["value"] {
    case .record(let r):
      for (k, v) in r.pairs {
        guard let x = v.number else { throw ScriptError.runtime("report: '\(k)' is \(v.typeName), not a number") }
        values[k] = x
      }
      guard !values.isEmpty else { throw ScriptError.runtime("report: the record has no values") }
    default:
      values["value"] = a["value"].number ?? .nan
    }
    let step = try a.optionalInt("step")
    guard let hook = TrialReportHook.current else { return .bool(false) }
    if hook(step, values) {
      throw ScriptError.runtime("report: trial stopped at step \(step.map(String.init) ?? "next") (pruned or diverged)")
    }
    return .bool(false)
  }
}
