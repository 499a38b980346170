/// The rules from what an objective returned to a trial's outcome, for `tune` and its workers.
///
///     let o = try TrialOutcome.from(.number(0.91), measured: window, metric: "accuracy", stoppedEarly: false).get()
///
/// - A number is the trial's value; a non-finite one makes a complete trial `diverged`.
/// - A record (a train run, a `command()` record, `{accuracy: ..., loss: ...}`) gives every
///   finite number field as a metric (a `command()` record's `metrics` fields too), the value
///   from the study's metric, its `state` (`"ok"` is complete; a state tune does not know, such
///   as `command()`'s `"timeout"`, is a failure) and `error`. Its own `energy_j` replaces the
///   measured joules, with its own provenance (`energy_source`, `estimated`,
///   `machine_energy_j`; unknown if it gave none).
/// - No usable value at all (another type; a record without the metric while the trial neither
///   failed nor was stopped; a metric that is not a number) is a configuration mistake: the
///   study stops with the message, reported once.
extension TrialOutcome {
  public static func from(_ result: ObjectiveValue, measured: TrialOutcome, metric: String,
                          stoppedEarly: Bool) -> Result<TrialOutcome, TuneError> {
    var outcome = measured
    switch result {
    case .number(let x):
      outcome.value = x
    case .record(let typeName, var names, var field):
      // A command() record carries the program's own numbers under `metrics`.
      if case .record(_, let inner, let innerField)? = field("metrics") {
        let outer = field
        field = { outer($0) ?? innerField($0) }
        names += inner.filter { !names.contains($0) }
      }
      for n in names {
        if let x = field(n)?.number, x.isFinite { outcome.metrics[n] = x }
      }
      if case .string(let s)? = field("state") {
        if let st = TrialState(rawValue: s) { if st != .running { outcome.state = st } } else if s != "ok" { outcome.state = .failed }
      }
      if case .string(let e)? = field("error") { outcome.error = e }
      if let j = field("energy_j")?.number, j.isFinite {
        outcome.energyJ = j
        outcome.energySource = nil
        outcome.energyEstimated = nil
        if case .string(let s)? = field("energy_source") { outcome.energySource = s }
        if case .bool(let b)? = field("estimated") ?? field("energy_estimated") { outcome.energyEstimated = b }
        if let m = field("machine_energy_j")?.number, m.isFinite { outcome.machineEnergyJ = m }
      }
      guard let v = field(metric) else {
        if outcome.state != .complete || stoppedEarly { return .success(outcome) }
        let hint = metric == "accuracy" ? "; say which field with maximize: or minimize:" : ""
        return .failure(.invalidSettings("tune: the objective returned a \(typeName) without '\(metric)'\(hint)"))
      }
      outcome.value = v.number
      if outcome.value == nil && outcome.state == .complete {
        return .failure(.invalidSettings("tune: the objective's '\(metric)' is \(v.typeName), not a number"))
      }
    case .string, .bool, .other:
      return .failure(.invalidSettings("tune: the objective must return a number or a record (e.g. a train run), got \(result.typeName)"))
    }
    if let v = outcome.value, !v.isFinite {
      outcome.value = nil
      if outcome.state == .complete { outcome.state = .diverged }
    }
    return .success(outcome)
  }
}
