import Foundation
import JouleKit
import Script
import Testing

/// Runs a script through the full registry; returns its last value.
private func run(_ source: String) throws -> Value {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  return try Interpreter(registry: registry, output: BufferOutput(), scriptDirectory: nil).run(source, file: "mo-prune.jl")
}

private func record(_ v: Value) -> Record? { if case .record(let r) = v { return r } else { return nil } }

/// Eight steps per trial: accuracy rises to x, each step costs 1 + y joules.
private let objective = """
  fn objective(p) {
    acc = 0
    j = 0
    for step in range(1, 9) {
      acc = p.x * (1 - exp(-step / 3))
      j = j + 1 + p.y
      report({accuracy: acc, energy_j: j}, step: step)
    }
    {accuracy: acc, energy_j: j}
  }
  sp = space(x: uniform(0, 1), y: uniform(0, 1))
  """

@Test func aTwoObjectiveStudyWithPruneStopsDominatedTrialsAndItsFrontHoldsOnlyCompleteTrials() throws {
  let v = try run(objective + """

    s = tune(objective, sp, strategy: "random", trials: 40, seed: 5, maximize: "accuracy", minimize: "energy_j",
             prune: "median")
    plain = tune(objective, sp, strategy: "random", trials: 40, seed: 5, maximize: "accuracy", minimize: "energy_j")
    pruned = s.trials |> filter(fn(t) { t.state == "pruned" })
    {pruned: s.pruned, front_states: s.pareto |> map(fn(t) { t.state }),
     pruned_values: pruned |> map(fn(t) { t.accuracy }), pruned_j: pruned |> map(fn(t) { t.energy_j }),
     spent: s.spent_j, plain_spent: plain.spent_j, plain_pruned: plain.pruned,
     hv: hypervolume(s, reference: [0, 20]), plain_hv: hypervolume(plain, reference: [0, 20])}
    """)
  let r = try #require(record(v))
  #expect(r["pruned"]!.number! >= 3, "\(r)")
  #expect(r["plain_pruned"]?.number == 0)
  guard case .list(let states) = r["front_states"], case .list(let values) = r["pruned_values"],
        case .list(let joules) = r["pruned_j"] else { Issue.record("\(r)"); return }
  #expect(!states.isEmpty && states.allSatisfy { $0.shortDescription == "\"complete\"" })
  // Each pruned trial keeps its accuracy and the joules it reported at the stop (under 8 steps' worth).
  #expect(values.allSatisfy { ($0.number ?? -1) >= 0 })
  #expect(joules.allSatisfy { ($0.number ?? 99) > 0 && $0.number! < 16 })
  // Same points, same seed: pruning spent fewer joules than running every trial to the end, and
  // (accuracy and joules keep their order from step to step here) cut no trial of the front.
  #expect(r["spent"]!.number! < r["plain_spent"]!.number!)
  #expect(r["hv"]?.number == r["plain_hv"]?.number, "\(r)")
}

@Test func aTwoObjectiveStudyRefusesHalvingWithAClearError() throws {
  #expect {
    try run(objective + """

      tune(objective, sp, strategy: "random", trials: 4, maximize: "accuracy", minimize: "energy_j", prune: "halving")
      """)
  } throws: { e in "\(e)".contains("use \"median\"") }
}
