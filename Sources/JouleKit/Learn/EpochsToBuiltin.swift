import Learn
import Script

/// `epochs_to(run, 0.8)`: what a training run spent until its held-out accuracy first reached
/// a target, the per-run counterpart of `rounds_to` for studies.
///
///     r = train(simple_cnn(), data, epochs: 5)
///     epochs_to(r, 0.8)   # {epochs: 3, energy_j: 412.5, seconds: 21.3, metric: "test_accuracy", value: 0.812}
///
/// The joules and seconds are summed over the epoch rows up to and including that epoch, so
/// they cover training and the per-epoch evaluation, as the run's own epoch rows do.
enum EpochsToBuiltin {
  static let builtin = Builtin(
    "epochs_to",
    [Parameter("run", .record, doc: "a train() run"),
     Parameter("target", .number, doc: "the value to reach, e.g. 0.8 accuracy"),
     Parameter("metric", .optional(.string), default: Value.none,
               doc: "an epoch column (default val_accuracy, else test_accuracy); a loss is reached from above")],
    family: "training",
    doc: "Epochs, joules and seconds a train run spent until its held-out accuracy first reached target, or nil "
      + "(rounds_to for one run): epochs_to(r, 0.8).") { a, _ in
    let run = try a.record("run")
    guard case .list(let items)? = run["epochs"] else {
      throw ScriptError.runtime("epochs_to: 'run' must be a train() run with an 'epochs' table, got a record without one")
    }
    let rows = items.compactMap { v -> Record? in if case .record(let r) = v { return r } else { return nil } }
    let target = try a.double("target")
    let metric: String
    if let m = try a.optionalString("metric") {
      metric = m
    } else {
      metric = rows.contains { $0["val_accuracy"]?.number != nil } ? "val_accuracy"
        : rows.contains { $0["test_accuracy"] != nil } ? "test_accuracy" : "accuracy"
    }
    guard rows.contains(where: { $0[metric] != nil }) else {
      let columns = rows.first?.keys.joined(separator: ", ") ?? "none"
      throw ScriptError.runtime("epochs_to: the run's epochs have no '\(metric)' column (columns: \(columns))")
    }
    let values = rows.map { $0[metric]?.number }
    guard let i = TargetReach.first(values, reaching: target, higherIsBetter: !metric.contains("loss")) else {
      return .none
    }
    let upTo = rows[...i]
    let joules = upTo.reduce(0.0) { $0 + ($1["energy_j"]?.number ?? 0) }
    let seconds = upTo.reduce(0.0) { $0 + ($1["seconds"]?.number ?? 0) }
    return .record(Record([("epochs", rows[i]["epoch"] ?? .int(i + 1)), ("energy_j", .float(joules)),
                           ("seconds", .float(seconds)), ("metric", .string(metric)), ("value", values[i].map { .float($0) } ?? .none)]))
  }
}
