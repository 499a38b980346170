import Foundation
import JouleKit
import Script
import Testing

/// The measurement contract (docs/energy.md, "Records and their fields"): every record that
/// carries energy speaks one vocabulary, shows one summary line, and tables behave as lists.
@Suite(.serialized) struct MeasurementContractTests {
  static func run(_ source: String, output: BufferOutput = BufferOutput()) throws -> Value {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    return try Interpreter(registry: registry, output: output, scriptDirectory: nil).run(source, file: "contract.joule")
  }

  static func record(_ v: Value?) -> Record? { if case .record(let r)? = v { return r } else { return nil } }

  /// The fields every energy-carrying record has, and the ones present exactly when estimated.
  static func checkVocabulary(_ r: Record, _ what: String) {
    for name in ["energy_j", "estimated", "energy_source", "energy_scope", "seconds"] {
      #expect(r[name] != nil, "\(what) lacks \(name): \(r.keys)")
    }
    #expect((r["energy_j"]?.number ?? -1) >= 0, "\(what)")
    guard case .bool(let estimated)? = r["estimated"] else { Issue.record("\(what): estimated is not a bool"); return }
    #expect((r["energy_model"] != nil) == estimated, "\(what): energy_model present exactly when estimated")
    // The interval comes with the estimate (issue 22) and never with a measured figure.
    #expect(estimated || (r["energy_low_j"] == nil && r["energy_high_j"] == nil), "\(what)")
    // Mean power within physics: no more than a 2-socket server's worth for these small jobs.
    if let j = r["energy_j"]?.number, let s = r["seconds"]?.number, s > 0 { #expect(j / s < 1000, "\(what)") }
  }

  @Test func everyRecordThatCarriesEnergySpeaksTheSameVocabulary() throws {
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 300, test: 100, seed: 1)
      t = train(simple_cnn(conv: 1, linear: 2), d, epochs: 2, batch: 50, seed: 2)
      m = measure(fn() { 1 + 1 })
      c = command(["echo", "\\{\\"accuracy\\": 0.5\\}"])
      s = tune(fn(p) { {accuracy: p.x} }, space(x: uniform(0, 1)), strategy: "random", trials: 2)
      e = experiment(fn(r) { {accuracy: 0.5} }, factors: {k: [1, 2]}, repeat: 1)
      i = idle(seconds: 0.2)
      {train: t, epoch: t.epochs[0], measure: m, command: c, trial: s.trials[0], run: e[0], idle: i}
      """)
    let all = try #require(Self.record(v))
    for (kind, value) in all.pairs {
      guard let r = Self.record(value) else { Issue.record("\(kind) is not a record"); continue }
      Self.checkVocabulary(r, kind)
    }
    // Shares name the whole they are a share of.
    for kind in ["measure", "command"] { #expect(Self.record(all[kind])?["machine_energy_j"] != nil, "\(kind)") }
  }

  @Test func oldNamesStillReadAsAliasesOfTheNewOnes() throws {
    let v = try Self.run("""
      m = measure(fn() { 2 })
      d = dataset("fashion-mnist", train: 200, test: 100, seed: 1)
      t = train(model(flatten(), linear(10)), d, epochs: 1, batch: 50)
      [m.joules == m.energy_j, m.process_joules == m.energy_j, t.energy_estimated == t.estimated,
       m.source == m.energy_source, kwh(t) == kwh(t.energy_j)]
      """)
    #expect(v.shortDescription == "[true, true, true, true, true]")
  }

  @Test func trainMeasureAndCommandRecordsShowOneSummaryLine() throws {
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 300, test: 100, seed: 1)
      t = train(simple_cnn(conv: 1, linear: 2), d, epochs: 2, batch: 50, seed: 2)
      c = command(["python3", "-c", "print('x' * 300); print('\\{\\"accuracy\\": 0.75, \\"steps\\": 3\\}')"])
      [t, measure(fn() { 42 }), c]
      """)
    guard case .list(let items) = v, items.count == 3 else { Issue.record("not three values"); return }
    let lines = items.map { $0.display(width: 200) }
    for line in lines {
      #expect(!line.contains("\n"), "\(line)")
      #expect(line.count < 100, "\(line)")
    }
    #expect(lines[0].hasPrefix("<train simple_cnn(1,2): acc "), "\(lines[0])")
    #expect(lines[0].contains(", 2 epochs, "), "\(lines[0])")
    #expect(lines[0].contains(" J"), "\(lines[0])")
    #expect(lines[1].hasPrefix("<measure: ") && lines[1].contains("value 42"), "\(lines[1])")
    // The program's output never reaches the summary; its metrics do.
    #expect(!lines[2].contains("xxx"), "\(lines[2])")
    #expect(lines[2].contains("accuracy 0.75"), "\(lines[2])")
    // An estimate says so beside its joules.
    if Self.record(items[0])?["estimated"]?.isTruthy == true { #expect(lines[0].contains("estimated")) }
    // The full record is one field away.
    #expect(Self.record(items[2])?["stdout"]?.printString.contains("xxx") == true)
  }

  @Test func anExperimentIsAListOfRowsAndACommandsMetricsAreColumns() throws {
    let v = try Self.run("""
      fn run(r) {
        if r.engine == "python" { command(["python3", "-c", "print('\\{\\"steps\\": 3\\}')"]) }
        else { command(["python3", "-c", "print('\\{\\"accuracy\\": 0.8, \\"steps\\": 4\\}')"]) }
      }
      e = experiment(run, factors: {engine: ["python", "swift"]}, repeat: 2, seed: 1)
      swift = filter(e, fn(r) { r.engine == "swift" })
      {n: len(e), first: e[0], rows: len(e.rows), swift_acc: map(swift, fn(r) { r.accuracy }), steps: e[0].steps,
       sliced: len(e[0:1]), sorted: sort(e, by: "steps")[0].engine}
      """)
    let r = try #require(Self.record(v))
    #expect(r["n"]?.number == 4 && r["rows"]?.number == 4)
    #expect(r["swift_acc"]?.shortDescription == "[0.8, 0.8]")
    // Whole numbers the program wrote stay integers.
    if case .int? = r["steps"] {} else { Issue.record("steps is \(r["steps"]?.shortDescription ?? "missing")") }
    #expect(r["sliced"]?.number == 1)
    #expect(r["sorted"]?.shortDescription == "\"python\"")
    // stdout is not a column of the experiment.
    #expect(Self.record(r["first"])?["stdout"] == nil)
    // Comparing on a metric one group never produced names that group.
    #expect {
      _ = try Self.run("""
        fn run(r) {
          if r.engine == "python" { command(["python3", "-c", "print('\\{\\"steps\\": 3\\}')"]) }
          else { command(["python3", "-c", "print('\\{\\"accuracy\\": 0.8\\}')"]) }
        }
        e = experiment(run, factors: {engine: ["python", "swift"]}, repeat: 2, seed: 1)
        compare(e, by: "engine", metric: "accuracy")
        """)
    } throws: { error in
      let message = (error as? ScriptError)?.message ?? ""
      return message.contains("engine = \"python\"") && message.contains("'accuracy'")
    }
  }

  @Test func aCommandsMetricsAreColumnsOfTheTrialsTable() throws {
    let v = try Self.run("""
      s = tune(fn(p) { command(["python3", "-c", "print('\\{\\"accuracy\\": {p.x}, \\"steps\\": 3\\}')"]) },
               space(x: uniform(0, 1)), strategy: "random", trials: 2)
      [len(s), s[0].steps, s[1].accuracy == s[1].x, keys(s[0]) |> filter(fn(k) { k == "exit_code" or k == "stdout" })]
      """)
    #expect(v.shortDescription == "[2, 3, true, []]")
  }

  @Test func aBareReportedNumberPrunesOnTheStudysMetric() throws {
    // No maximize: the study's metric is "accuracy"; report(acc) must still feed the pruner.
    let v = try Self.run("""
      fn objective(p) {
        acc = 0
        for step in range(1, 9) {
          acc = p.x * (1 - exp(-step / 3))
          report(acc, step: step)
        }
        {accuracy: acc}
      }
      s = tune(objective, space(x: uniform(0, 1)), strategy: "random", trials: 16, seed: 3, prune: "median")
      s.pruned
      """)
    #expect((v.number ?? 0) >= 3)
  }

  @Test func aReportTheStudyNeverReadsIsToldOnce() throws {
    let out = BufferOutput()
    _ = try Self.run("""
      fn objective(p) {
        for step in range(1, 4) { report({acc: p.x, other: 1}, step: step) }
        {accuracy: p.x}
      }
      tune(objective, space(x: uniform(0, 1)), strategy: "random", trials: 4, seed: 3, prune: "median",
           study: "told-once", store: "\(FileManager.default.temporaryDirectory.path)/joule-told-\(UUID().uuidString).sqlite")
      """, output: out)
    let notes = out.text.components(separatedBy: "\n").filter { $0.contains("report gave acc, other") }
    #expect(notes.count == 1, "\(out.text)")
  }

  @Test func aTrialThatRanItsOnlyEpochIsNeverPruned() throws {
    let v = try Self.run("""
      d = dataset("fashion-mnist", train: 300, test: 100, seed: 1)
      fn objective(p) { train(model(flatten(), linear(10)), d, epochs: p.epochs, batch: 50, optimizer: sgd(lr: p.lr), seed: 1) }
      s = tune(objective, space(epochs: choice(1, 3), lr: loguniform(0.0001, 0.5)), strategy: "random", trials: 14,
               seed: 5, prune: "median")
      {pruned: s.pruned, rows: s.trials |> map(fn(t) { {epochs: t.epochs, state: t.state} })}
      """)
    let r = try #require(Self.record(v))
    // The pruner was at work (on 3-epoch trials) ...
    #expect((r["pruned"]?.number ?? 0) >= 1)
    // ... yet a 1-epoch trial below the median had nothing left to cut.
    guard case .list(let rows)? = r["rows"] else { Issue.record("not a list"); return }
    for row in rows.compactMap(Self.record) where row["epochs"]?.number == 1 {
      #expect(row["state"]?.shortDescription != "\"pruned\"", "\(row.pairs.map { "\($0.0)=\($0.1.shortDescription)" })")
    }
  }
}
