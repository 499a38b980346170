import Foundation
import JouleKit
import Script
import Testing

private func run(_ source: String) throws -> Value {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  return try Interpreter(registry: registry, output: BufferOutput()).run(source, file: "constraints.jl")
}

/// Accuracy peaks at the largest batch, which also costs the most joules: with energy_j ≤ 170
/// allowed, the best allowed trial uses batch 64.
private let source = """
  sp = space(x: uniform(0, 1), batch: choice(32, 64, 128))
  fn objective(p) { {accuracy: 0.5 + p.batch / 512 - 0.2 * (p.x - 0.3) ** 2, energy_j: 100 + p.batch} }
  """

@Test func tuneConstraintsRecordEachTrialAndBestKeepsToThem() throws {
  let v = try run(source + """

    s = tune(objective, sp, strategy: "bayes", trials: 14, seed: 3, constraints: [fn(t) { t.energy_j <= 170 }])
    b = best(s)
    {best_energy: b.energy_j, best_batch: b.batch, top: max(map(s.trials, fn(t) { t.accuracy })),
     broken: map(filter(s.trials, fn(t) { t.constraint1 == 1 }), fn(t) { t.energy_j }),
     kept: len(filter(s.trials, fn(t) { t.constraint1 == 0 }))}
    """)
  guard case .record(let r) = v else { Issue.record("not a record"); return }
  #expect(r["best_energy"]?.number == 164)
  #expect(r["best_batch"]?.number == 64)
  // Some trial beat the best on accuracy by breaking the constraint (batch 128 is drawn at random
  // in the initial trials), and every trial marked broken is one that did.
  #expect((r["top"]?.number ?? 0) > 0.5 + 64.0 / 512)
  guard case .list(let broken)? = r["broken"] else { Issue.record("no broken list"); return }
  #expect(!broken.isEmpty && broken.allSatisfy { $0.number == 228 })
  #expect((r["kept"]?.number ?? 0) >= 8)
}

@Test func aConstraintThatIsNotAFunctionIsAClearError() throws {
  #expect {
    try run(source + "\ntune(objective, sp, trials: 2, constraints: [1])")
  } throws: { e in
    (e as? ScriptError)?.message.contains("constraints[0] is") == true
  }
}

@Test(arguments: ["random", "tpe", "grid"])
func strategiesThatDoNotSteerByConstraintsStillRecordInfeasibleTrialsAndNeverReturnOneAsBest(_ strategy: String) throws {
  let v = try run(source + """

    s = tune(objective, sp, strategy: "\(strategy)", trials: 14, seed: 3, constraints: [fn(t) { t.energy_j <= 170 }])
    b = best(s)
    rows = s.trials
    {best_feasible: b.feasible, best_energy: b.energy_j, top: max(map(rows, fn(t) { t.accuracy })),
     infeasible: len(filter(rows, fn(t) { not t.feasible })),
     marked_right: len(filter(rows, fn(t) { t.feasible == (t.energy_j <= 170) })), n: len(rows)}
    """)
  guard case .record(let r) = v else { Issue.record("not a record"); return }
  // These strategies draw batch 128 among 14 trials, which beats every allowed trial on accuracy.
  #expect((r["infeasible"]?.number ?? 0) >= 1, "\(r)")
  #expect((r["top"]?.number ?? 0) > 0.5 + 64.0 / 512)
  #expect(r["marked_right"]?.number == r["n"]?.number)
  #expect(r["best_feasible"]?.shortDescription == "true")
  #expect((r["best_energy"]?.number ?? 999) <= 170)
}
