import Foundation
import Testing
import Tune

private func curve(_ n: Int, _ scores: [Double], complete: Bool = true) -> IntermediateCurve {
  IntermediateCurve(number: n, scores: Dictionary(uniqueKeysWithValues: scores.enumerated().map { ($0 + 1, $1) }),
                    complete: complete)
}

@Test func medianPrunerWaitsForStartupTrialsThenCutsBelowTheMedian() {
  let finished = (1...5).map { curve($0, [0.5 + 0.05 * Double($0), 0.6 + 0.05 * Double($0)]) }
  let p = MedianPruner(startupTrials: 5)
  // Median at step 1 is 0.65; at step 2, 0.75.
  #expect(p.shouldPrune(curve(6, [0.6], complete: false), others: finished))
  #expect(!p.shouldPrune(curve(6, [0.7], complete: false), others: finished))
  #expect(p.shouldPrune(curve(6, [0.7, 0.74], complete: false), others: finished))
  // Four finished trials are not enough, and warm-up steps are never pruned.
  #expect(!p.shouldPrune(curve(6, [0.1], complete: false), others: Array(finished.prefix(4))))
  #expect(!MedianPruner(startupTrials: 5, warmupSteps: 2).shouldPrune(curve(6, [0.1], complete: false), others: finished))
}

@Test func successiveHalvingKeepsTheTopQuarterAtEachRung() {
  // Rungs at steps 1, 4, 16 (η = 4). Eight trials reached rung 0 with 0.1 ... 0.8.
  let others = (1...8).map { curve($0, [Double($0) / 10]) }
  let asha = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 4)
  // Nine competitors, itself included: ⌊9/4⌋ = 2 go on, so 0.65 (third) stops, 0.75 (second) goes on.
  #expect(asha.shouldPrune(curve(9, [0.65], complete: false), others: others))
  #expect(!asha.shouldPrune(curve(9, [0.75], complete: false), others: others))
  // Between rungs nothing is decided.
  #expect(!asha.shouldPrune(curve(9, [0.85, 0.1, 0.1], complete: false), others: others))
  // Auto minimum resource needs a complete trial first.
  #expect(!SuccessiveHalvingPruner().shouldPrune(curve(9, [0.0], complete: false),
                                                 others: others.map { var c = $0; c.complete = false; return c }))
}

@Test func hyperbandSplitsTrialsIntoBracketsOfDecreasingAggression() {
  let hb = HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3)
  #expect(hb.brackets(maxResource: 9) == 3)
  // s_max = 2: three brackets, trials allotted 9 : 5 : 3 (⌈3/(s+1)·3^s⌉ for s = 2, 1, 0).
  let brackets = (1...17).map { hb.bracket(of: $0, brackets: 3) }
  #expect(brackets.filter { $0 == 0 }.count == 9)
  #expect(brackets.filter { $0 == 1 }.count == 5)
  #expect(brackets.filter { $0 == 2 }.count == 3)
  // The last bracket never stops early: its first rung is at step 9, the end.
  let lazy = (1...17).first { hb.bracket(of: $0, brackets: 3) == 2 }!
  let mates = (100...110).map { curve($0, [0.9, 0.9, 0.9]) }
  #expect(!hb.shouldPrune(curve(lazy, [0.0, 0.0], complete: false), others: mates))
}

@Test func monitorStopsDivergingTrialsWhetherOrNotThereIsAPruner() {
  let m = TrialMonitor(number: 1, metric: "accuracy", direction: .maximize, pruner: nil, others: [])
  #expect(!m.report(step: 1, values: ["accuracy": 0.5, "loss": 2.3]))
  #expect(!m.report(step: 2, values: ["accuracy": 0.55, "loss": 9]))
  #expect(m.report(step: 3, values: ["accuracy": 0.1, "loss": 40]))
  #expect(m.verdict == .diverged)
  #expect(m.report(step: 4, values: ["accuracy": 0.9]))
  let nan = TrialMonitor(number: 2, metric: "accuracy", direction: .maximize, pruner: nil, others: [])
  #expect(nan.report(step: 1, values: ["accuracy": 0.1, "loss": .nan]))
  var trial = Trial(number: 2, suggestion: 1, params: [], state: .complete, value: 0.1)
  nan.apply(to: &trial)
  #expect(trial.state == .diverged)
  #expect(trial.metrics["accuracy@1"] == 0.1 && trial.metrics["stopped_at_step"] == 1)
}

@Test func prunedTrialsKeepTheirJoulesAndTheStudyCountsWhatTheySaved() throws {
  // Ten epochs at 10 J each; final accuracy rises with x, so low x trials trail at every epoch.
  let space = try SearchSpace([("x", .uniform(0, 1))])
  var s = StudySettings(name: "pruned", space: space, strategy: .random)
  s.trials = 20
  s.prune = .median
  let study = try StudyRunner(settings: s, store: nil).run(objective: { r in
    let x = r.params[0].value.number!
    var joules = 0.0, acc = 0.0
    for epoch in 1...10 {
      joules += 10
      acc = x * (1 - exp(-Double(epoch) / 3))
      if r.monitor.report(step: epoch, values: ["accuracy": acc, "loss": 1 - acc]) { break }
    }
    return TrialOutcome(state: .complete, value: acc, metrics: ["accuracy": acc], energyJ: joules)
  }, shouldStop: { false })
  let pruned = study.trials.filter { $0.state == .pruned }
  #expect(study.finishedCount == 20)
  #expect(pruned.count >= 5, "\(study.trials.map(\.state))")
  #expect(pruned.allSatisfy { ($0.energyJ ?? 0) < 100 && $0.metrics["accuracy@1"] != nil })
  let expectedSaved = pruned.reduce(0.0) { $0 + 10 * (10 - $1.metrics["stopped_at_step"]!) }
  #expect(abs(study.joulesSaved - expectedSaved) < 1e-9)
  #expect(study.joulesPruned == pruned.reduce(0.0) { $0 + $1.energyJ! })
  // The best trial is never one that was pruned.
  #expect(study.best?.state == .complete)
}
