import Foundation
import JouleKit
import Script
import Testing

/// Runs a script through the full registry; returns its last value and what it printed.
private func run(_ source: String, directory: String? = nil) throws -> (Value, String) {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  let out = BufferOutput()
  let v = try Interpreter(registry: registry, output: out, scriptDirectory: directory).run(source, file: "tune.jl")
  return (v, out.text)
}

private func temporaryDirectory() throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-tunekit-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.path
}

private func rows(_ v: Value) -> [Record] {
  guard case .list(let l) = v else { return [] }
  return l.compactMap { if case .record(let r) = $0 { return r } else { return nil } }
}

private let spaceSource = """
  sp = space(lr: loguniform(1e-4, 1e-1), beta1: uniform(0.5, 0.99), batch: choice(32, 64, 128), blocks: integer(1, 4))
  fn objective(p) {
    acc = 0.9 - 0.05 * (log(p.lr) / log(10) + 2.5) ** 2 - 0.3 * (p.beta1 - 0.8) ** 2 - 0.01 * abs(p.blocks - 2)
    {accuracy: acc, loss: 1 - acc, energy_j: 100 + p.batch}
  }
  """

@Test func tuneReturnsAStudyWithItsTrialTable() throws {
  let (v, _) = try run(spaceSource + "\ns = tune(objective, sp, strategy: \"bayes\", trials: 10, seed: 2)\ns.trials")
  let table = rows(v)
  #expect(table.count == 10)
  let first = try #require(table.first)
  for column in ["number", "params", "lr", "beta1", "batch", "blocks", "value", "accuracy", "energy_j", "seconds",
                 "state", "cumulative_energy_j", "best_so_far"] {
    #expect(first[column] != nil, "missing column \(column)")
  }
  // The objective's own joules are used as given, and add up.
  let energies = table.map { $0["energy_j"]!.number! }
  #expect(energies.allSatisfy { [132, 164, 228].contains($0) })
  #expect(table.last!["cumulative_energy_j"]!.number! == energies.reduce(0, +))
  #expect(table.allSatisfy { $0["state"]!.shortDescription == "\"complete\"" })
}

@Test func bestParetoAndRoundsToReadTheStudy() throws {
  let (v, _) = try run(spaceSource + """

    s = tune(objective, sp, strategy: "random", trials: 12, seed: 4)
    b = best(s)
    front = pareto(s)
    {best: b.value, top: max(map(s.trials, fn(t) { t.accuracy })), front: len(front),
     cheapest: front[0].energy_j, r: rounds_to(s, b.value), never: rounds_to(s, 2)}
    """)
  guard case .record(let r) = v else { Issue.record("not a record"); return }
  #expect(r["best"]?.number == r["top"]?.number)
  #expect((r["front"]?.number ?? 0) >= 1)
  #expect(r["cheapest"]?.number == 132)
  #expect(r["r"]?.number != nil)
  #expect(r["never"]?.isNil == true)
}

@Test func aFailingTrialIsRecordedAndTheStudyGoesOn() throws {
  // Each failure says something different (the same one three times in a row stops a study).
  let (v, _) = try run(spaceSource + """

    s = tune(fn(p) { if p.lr > 0.01 { p["missing-" + str(p.lr)] } else { p.lr } }, sp, strategy: "random", trials: 8, seed: 1, maximize: "value")
    s.trials
    """)
  let table = rows(v)
  #expect(table.count == 8)
  let failed = table.filter { $0["state"]?.shortDescription == "\"failed\"" }
  #expect(!failed.isEmpty)
  #expect(failed.allSatisfy { $0["error"]?.shortDescription.contains("missing") == true })
}

@Test func aStoredStudyLoadsBackAndResumes() throws {
  let dir = try temporaryDirectory()
  _ = try run(spaceSource + "\ntune(objective, sp, strategy: \"random\", trials: 4, study: \"adam\")", directory: dir)
  #expect(FileManager.default.fileExists(atPath: dir + "/studies.sqlite"))
  let (more, _) = try run(spaceSource + "\ntune(objective, sp, strategy: \"random\", trials: 6, study: \"adam\").trials", directory: dir)
  #expect(rows(more).map { $0["number"]!.number! } == [1, 2, 3, 4, 5, 6])
  let (loaded, _) = try run("s = load_study(\"adam\")\n[s.finished, s.strategy, len(studies())]", directory: dir)
  #expect(loaded.shortDescription == "[6, \"random\", 1]")
}

@Test func badTuneInputGivesClearErrors() throws {
  let cases: [(String, String)] = [
    ("tune(objective, sp, strategy: \"baye\")", "did you mean 'bayes'"),
    ("tune(objective, sp, strategy: \"nsga2\", trials: 2)", "needs two objectives"),
    ("tune(objective, sp, prune: \"sometimes\")", "unknown prune 'sometimes'"),
    ("tune(objective, sp, maximize: \"accuracy\", minimize: \"loss\", reference: [1])", "'reference' is two numbers"),
    ("tune(objective, sp, maximize: \"f1\", trials: 2)", "without 'f1'"),
    ("tune(fn(p) { \"text\" }, sp, trials: 2)", "number or a record"),
    ("tune(objective, sp, acquisition: \"xx\")", "unknown acquisition"),
    ("tune(objective, 3)", "'space' must be"),
    ("space(lr: uniform(1, 0))", "lower < upper"),
    ("load_study(\"nope\", store: \"/nonexistent/studies.sqlite\")", "no study store"),
  ]
  for (code, message) in cases {
    do {
      _ = try run(spaceSource + "\n" + code)
      Issue.record("no error for \(code)")
    } catch let e as ScriptError {
      #expect(e.message.contains(message), "\(code): \(e.message)")
    }
  }
}

@Test func theEnergyBudgetStopsTheStudyAndSaysSo() throws {
  let (v, printed) = try run(spaceSource + "\ns = tune(objective, sp, strategy: \"random\", trials: 50, budget_j: 1000)\n[s.finished, s.spent_j <= 1000, s.budget_j]")
  guard case .list(let l) = v, let n = l[0].number else { Issue.record("not a list"); return }
  #expect(n >= 4 && n < 10)
  #expect(l[1].shortDescription == "true")
  #expect(printed.contains("budget"))
}

/// tune selects on validation figures when the objective's runs have them, and says once when
/// it can only select on the test set.
@Suite struct HonestSelectionTests {
  @Test func aTuneOverRunsWithAValidationSplitSelectsOnValidationAccuracy() throws {
    // Validation and test disagree on purpose: the best on test is lr 0.1, on validation lr 0.01.
    let (v, out) = try run("""
      fn fake(p) {
        val = if p.lr == 0.01 { 0.9 } else { 0.7 }
        test = if p.lr == 0.1 { 0.95 } else { 0.6 }
        {val_accuracy: val, test_accuracy: test, accuracy: test, energy_j: 1}
      }
      s = tune(fake, space(lr: choice(0.1, 0.01, 0.001)), strategy: "grid", trials: 3, shuffle: false)
      [best(s).lr, best(s).value, best(s).val_accuracy, best(s).test_accuracy, str(s)]
      """)
    guard case .list(let items) = v else { Issue.record("\(v)"); return }
    #expect(items[0].number == 0.01)
    #expect(items[1].number == 0.9)
    #expect(items[2].number == 0.9)
    #expect(items[3].number == 0.6)
    #expect(items[4].shortDescription.contains("best val_accuracy 0.9"), "\(items[4].shortDescription)")
    #expect(!out.contains("selecting on test accuracy"))
  }

  @Test func aTuneOverRunsWithoutOneSaysOnceThatItSelectsOnTheTestSet() throws {
    let (v, out) = try run("""
      d = dataset("fashion-mnist", train: 300, test: 100, seed: 1)
      s = tune(fn(p) { train(model(flatten(), linear(10)), d, optimizer: sgd(lr: p.lr), batch: 100) },
               space(lr: choice(0.1, 0.01)), strategy: "grid", trials: 2, shuffle: false)
      best(s).value == best(s).test_accuracy
      """)
    #expect(v.isTruthy)
    #expect(out.components(separatedBy: "selecting on test accuracy").count - 1 == 1, "\(out)")
    #expect(out.contains("validation:"))
  }

  @Test func aRealTuneWithAValidationSplitPrunesAndSelectsOnIt() throws {
    let (v, out) = try run("""
      d = dataset("fashion-mnist", train: 400, test: 100, validation: 0.25, seed: 1)
      s = tune(fn(p) { train(model(flatten(), linear(10)), d, optimizer: sgd(lr: p.lr), batch: 100, epochs: 2) },
               space(lr: choice(0.1, 0.001)), strategy: "grid", trials: 2, shuffle: false, prune: "median")
      t = s.trials
      [t[0].value == t[0].val_accuracy, t[1].value == t[1].val_accuracy, t[0].test_accuracy != nil]
      """)
    #expect(v.shortDescription == "[true, true, true]", "\(v.shortDescription)")
    #expect(!out.contains("selecting on test accuracy"))
  }
}
