import Foundation
import JouleKit
import Script
import Testing

/// Runs a script through the full registry; returns its last value.
private func run(_ source: String) throws -> Value {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  return try Interpreter(registry: registry, output: BufferOutput(), scriptDirectory: nil).run(source, file: "prune.jl")
}

private func record(_ v: Value) -> Record? { if case .record(let r) = v { return r } else { return nil } }

@Test func reportFeedsTheMedianPrunerAndStopsTheObjectiveAtOnce() throws {
  // Ten "epochs" per trial; accuracy grows with x, so the trials with small x trail at every step.
  let v = try run("""
    steps_run = []
    fn objective(p) {
      acc = 0
      for epoch in range(1, 11) {
        acc = p.x * (1 - exp(-epoch / 3))
        report({accuracy: acc, loss: 1 - acc}, step: epoch)
        steps_run = steps_run + [epoch]
      }
      {accuracy: acc, energy_j: 10}
    }
    s = tune(objective, space(x: uniform(0, 1)), strategy: "random", trials: 16, seed: 3, prune: "median")
    pruned = s.trials |> filter(fn(t) { t.state == "pruned" })
    {pruned: s.pruned, rows: len(pruned), steps: len(steps_run), saved: s.joules_saved,
     best_state: best(s).state, outside: report(0.5)}
    """)
  let r = try #require(record(v))
  let pruned = try #require(r["pruned"]?.number)
  #expect(pruned >= 3)
  #expect(r["rows"]?.number == pruned)
  // Pruned trials stopped in their loop: fewer than ten steps each were recorded.
  #expect(r["steps"]!.number! < 16 * 10)
  #expect(r["saved"]!.number! >= 0)
  #expect(r["best_state"]?.shortDescription == "\"complete\"")
  // Outside a trial report() does nothing.
  #expect(r["outside"]?.shortDescription == "false")
}

@Test func trainReportsEachEpochAndDivergingRunsEndAsDiverged() throws {
  // An absurd learning rate makes the loss explode or turn NaN in the first epoch or two.
  let v = try run("""
    d = dataset("fashion-mnist", train: 300, test: 100, seed: 1)
    fn objective(p) { train(simple_cnn(conv: 1, linear: 2), d, epochs: 3, batch: 50, optimizer: sgd(lr: p.lr), seed: 2) }
    s = tune(objective, space(lr: choice(0.01, 5000.0)), strategy: "grid", trials: 2, seed: 1, shuffle: false)
    s.trials |> map(fn(t) { {lr: t.lr, state: t.state} })
    """)
  guard case .list(let rows) = v else { Issue.record("not a list"); return }
  let states = rows.compactMap(record).map { ($0["lr"]?.number ?? 0, $0["state"]?.shortDescription ?? "") }
  #expect(states.contains { $0.0 == 0.01 && $0.1 == "\"complete\"" }, "\(states)")
  #expect(states.contains { $0.0 == 5000 && $0.1 == "\"diverged\"" }, "\(states)")
}

@Test func twoObjectivesGiveAParetoFrontAndAHypervolume() throws {
  let v = try run("""
    fn objective(p) { {accuracy: 1 - (p.x - 0.8) ** 2, energy_j: 10 + 100 * p.x} }
    s = tune(objective, space(x: uniform(0, 1)), strategy: "bayes", maximize: "accuracy", minimize: "energy_j",
             trials: 12, seed: 1, reference: [0, 120])
    {front: len(s.pareto), hv: s.hypervolume, hv_again: hypervolume(s, reference: [0, 120]),
     objectives: s.objectives}
    """)
  let r = try #require(record(v))
  #expect(r["front"]!.number! >= 2)
  #expect(r["hv"]!.number! > 0 && r["hv"]?.number == r["hv_again"]?.number)
  #expect(r["objectives"]?.shortDescription.contains("minimize energy_j") == true)
}
