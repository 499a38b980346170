import Learn
import Script

/// `sgd`, `adam`, `train` and `evaluate`.
///
///     run = train(simple_cnn(), dataset("fashion-mnist", train: 10000), epochs: 2, optimizer: adam(lr: 0.001))
///     run.accuracy, run.energy_j, run.epochs
enum TrainingBuiltins {
  static var defaultAdam: Value { OptimizerRecord.value(.adam()) }

  static var all: [Builtin] {
    [
      Builtin("sgd", [Parameter("lr", .number, default: .float(0.01)), Parameter("momentum", .number, default: .float(0)),
                      Parameter("weight_decay", .number, default: .float(0))],
              family: "training", doc: "Stochastic gradient descent with momentum (PyTorch's rule).") { a, _ in
        let c = OptimizerConfig.sgd(lr: try a.double("lr"), momentum: try a.double("momentum"),
                                    weightDecay: try a.double("weight_decay"))
        try c.validate()
        return OptimizerRecord.value(c)
      },
      Builtin("adam", [Parameter("lr", .number, default: .float(1e-3)), Parameter("beta1", .number, default: .float(0.9)),
                       Parameter("beta2", .number, default: .float(0.999)), Parameter("eps", .number, default: .float(1e-8)),
                       Parameter("weight_decay", .number, default: .float(0))],
              family: "training", doc: "Adam; its five hyperparameters are the ones the paper tuned.") { a, _ in
        let c = OptimizerConfig.adam(lr: try a.double("lr"), beta1: try a.double("beta1"), beta2: try a.double("beta2"),
                                     eps: try a.double("eps"), weightDecay: try a.double("weight_decay"))
        try c.validate()
        return OptimizerRecord.value(c)
      },
      Builtin("train", [
        Parameter("model", .host("model")), Parameter("data", .host("dataset")),
        Parameter("epochs", .int, default: .int(1)), Parameter("batch", .int, default: .int(64)),
        Parameter("optimizer", .oneOf([.record, .string]), default: defaultAdam),
        Parameter("seed", .int, default: .int(0)),
        Parameter("threads", .optional(.int), default: .some(.none),
                  doc: "worker threads sharing each batch (default 2, or a tune worker's share of the cores)"),
        Parameter("shuffle", .bool, default: .bool(true),
                  doc: "a fresh seeded sample order every epoch; false keeps the data's order (to replay a run elsewhere)"),
      ], family: "training",
      doc: "Trains the model in place; returns the run: test_accuracy (alias accuracy), val_accuracy with a validation split, "
        + "loss, per-epoch table (val_ or test_ accuracy and loss), seconds, joules, state.") { a, ctx in
        try run(a, ctx)
      },
      Builtin("evaluate", [Parameter("model", .host("model")), Parameter("data", .host("dataset")),
                           Parameter("split", .string, default: .string("test"), doc: "\"test\", \"train\" or \"validation\"")],
              family: "training", doc: "Accuracy and mean loss of a trained model on a split of the data.") { a, _ in
        let m = try a.host("model", as: ModelValue.self).model
        let d = try a.host("data", as: DatasetValue.self).dataset
        let samples: Samples
        switch try a.string("split") {
        case "test": samples = d.test
        case "train": samples = d.train
        case "validation":
          guard let v = d.validation else { throw ScriptError.runtime("evaluate: the dataset has no validation split") }
          samples = v
        case let other: throw ScriptError.runtime("evaluate: split must be \"test\", \"train\" or \"validation\", got \"\(other)\"")
        }
        let e = try Trainer.evaluate(m, on: samples)
        return .record(Record([("accuracy", .float(e.accuracy)), ("loss", .float(e.loss)), ("count", .int(e.count)),
                               ("split", .string(try a.string("split")))]))
      },
    ]
  }

  /// Where settings that other tools pass to their fit functions live in joule.
  static let keywordHints = [
    "lr": "the learning rate is the optimizer's: optimizer: adam(lr: 0.01) or sgd(lr: 0.1)",
    "learning_rate": "the learning rate is the optimizer's: optimizer: adam(lr: 0.01) or sgd(lr: 0.1)",
    "batch_size": "it is called batch: train(m, data, batch: 64)",
    "num_epochs": "it is called epochs: train(m, data, epochs: 3)",
  ]

  static func run(_ a: BoundArguments, _ ctx: any CallContext) throws -> Value {
    let value = try a.host("model", as: ModelValue.self)
    let m = value.model
    let data = try a.host("data", as: DatasetValue.self).dataset
    var options = TrainingOptions(epochs: try a.int("epochs"), batchSize: try a.int("batch"),
                                  optimizer: try OptimizerRecord.config(a["optimizer"], "train"),
                                  seed: UInt64(truncatingIfNeeded: try a.int("seed")), threads: try a.optionalInt("threads") ?? WorkerProcess.trainThreads,
                                  shuffle: try a.bool("shuffle"))
    // A call that is refused says so before any warning about what it would have done.
    try options.validate()
    if value.model.isBuilt && !value.toldTrained {
      // A second optimiser trained on top of the first would look better than it is: say so once.
      value.toldTrained = true
      ctx.output.write("train: this model is already trained; training continues from its weights "
        + "(clone(m) trains a fresh copy, reset(m) forgets the weights)\n")
    }
    let window = EnergyWindow.begin()
    let line = ProgressLine(label: "train")
    // Where the window stood at each epoch's end, polled then: epoch rows' seconds and joules.
    var epochMarks: [(seconds: Double, joules: Double)] = []
    // Inside a tune trial each epoch's held-out accuracy and loss go to the study's pruner.
    let report = TrialReportHook.current
    TrialReportHook.currentPlan?(options.epochs)
    var stoppedByTrial = false
    options.shouldStop = { Interrupt.requested || stoppedByTrial }
    var last: TrainingProgress?
    options.onProgress = { p in
      last = p
      line.update(progressText(p, joules: window.joulesSoFar))
    }
    options.onEpoch = { e in
      epochMarks.append(window.mark())
      if let report {
        // Named by split, so a pruner set on val_accuracy finds it; `accuracy` is the alias.
        var values = ["loss": e.loss]
        if let acc = e.accuracy {
          values["accuracy"] = acc
          values[e.split.field("accuracy")] = acc
        }
        if let loss = e.heldOutLoss { values[e.split.field("loss")] = loss }
        // A stop after the last epoch cuts nothing short: the run is complete.
        if report(e.epoch, values) && e.epoch < options.epochs { stoppedByTrial = true }
      }
    }
    let result: TrainingResult
    do {
      result = try Trainer.train(m, on: data, options: options)
    } catch {
      line.clear()
      _ = window.finish()
      throw error
    }
    line.clear()
    let reading = window.finish()
    if result.state == .interrupted && !stoppedByTrial { Interrupt.clear() }
    var previous: (seconds: Double, joules: Double) = (0, 0)
    let epochs = result.epochs.enumerated().map { i, e -> Record in
      let m: (seconds: Double, joules: Double) = i < epochMarks.count ? epochMarks[i] : (reading.seconds, reading.joules)
      defer { previous = m }
      // Each held-out figure names its split; `accuracy` stays as their alias for one release.
      var row = Record([("epoch", .int(e.epoch)), ("loss", .float(e.loss)),
                        ("accuracy", e.accuracy.map { .float($0) } ?? .none),
                        (e.split.field("accuracy"), e.accuracy.map { .float($0) } ?? .none),
                        (e.split.field("loss"), e.heldOutLoss.map { .float($0) } ?? .none)])
      // An epoch is the window between two marks: its joules and seconds span the same instants.
      EnergyFields(joules: m.joules - previous.joules, estimated: reading.estimated, source: reading.source,
                   scope: reading.energy.scope, model: reading.model, seconds: m.seconds - previous.seconds).write(into: &row)
      return row
    }
    let state = stoppedByTrial && result.state != .diverged ? "stopped" : result.state.rawValue
    var record = Record(kind: trainKind(value.shownName), [
      ("accuracy", .float(result.accuracy)), ("loss", .float(result.loss)), ("test_loss", .float(result.testLoss)),
      ("epochs", .table(epochs)), ("images_per_s", .float(result.imagesPerSecond)), ("state", .string(state)),
    ])
    // The final model's figures by split: test always, validation when the data holds one out.
    // `accuracy` is test_accuracy's alias for one release.
    record["test_accuracy"] = .float(result.accuracy)
    if let v = result.validation {
      record["val_accuracy"] = .float(v.accuracy)
      record["val_loss"] = .float(v.loss)
    }
    // The window's seconds beside the window's joules: their ratio is a power the meters saw.
    EnergyFields(reading).write(into: &record)
    record["train_seconds"] = Value.float(result.seconds)
    record["images"] = Value.int(result.images)
    record["batch"] = Value.int(options.batchSize)
    record["seed"] = Value.int(try a.int("seed"))
    record["optimizer"] = OptimizerRecord.value(options.optimizer)
    if result.state == .interrupted {
      // Where Ctrl-C stopped it; the interpreter's "interrupted" line quotes this field.
      record["stopped"] = .string(last.map { "after epoch \($0.epoch)/\($0.epochs), batch \($0.batch)/\($0.batches)" }
        ?? "before its first batch")
    }
    return .record(record)
  }

  /// `<train simple_cnn(2,3): acc 0.786, 2 epochs, 0.17 s, 1.56 J estimated>`: a run's summary;
  /// `run.epochs`, `run.energy_model` and the rest are one field away.
  static func trainKind(_ name: String) -> SummaryKind {
    SummaryKind(head: "train " + name) { r in
      var parts: [String] = []
      if let acc = (r["test_accuracy"] ?? r["accuracy"])?.number { parts.append("acc " + EnergyFields.short(acc)) }
      if case .list(let epochs)? = r["epochs"] { parts.append("\(epochs.count) epoch\(epochs.count == 1 ? "" : "s")") }
      if let s = r["seconds"]?.number { parts.append(EnergyFields.short(s) + " s") }
      if let e = EnergyFields.text(of: r) { parts.append(e) }
      if case .string(let state)? = r["state"], state != "complete" { parts.append(state) }
      return parts
    }
  }

  /// "epoch 1/2  batch 120/157  loss 0.612  2310 img/s  14.2 J  ETA 0:12"
  static func progressText(_ p: TrainingProgress, joules: Double) -> String {
    let eta = Int(p.remaining.rounded())
    let etaText = eta >= 3600 ? "\(eta / 3600):\(pad2(eta / 60 % 60)):\(pad2(eta % 60))" : "\(eta / 60):\(pad2(eta % 60))"
    return "epoch \(p.epoch)/\(p.epochs)  batch \(p.batch)/\(p.batches)  loss \(fixed(p.loss, 3))  "
      + "\(Int(p.imagesPerSecond)) img/s  \(fixed(joules, 1)) J  ETA \(etaText)"
  }

  static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  static func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (abs(x) * scale).rounded()
    let whole = Int(r / scale), frac = Int(r) - whole * Int(scale)
    var f = String(frac)
    while f.count < digits { f = "0" + f }
    return (x < 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + f : "")
  }
}
