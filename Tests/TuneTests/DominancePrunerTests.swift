import Foundation
import Testing
import Tune

/// A curve of (accuracy, joules) pairs by step, scored larger-is-better (joules negated).
private func pairs(_ n: Int, _ values: [(Double, Double)], complete: Bool = true) -> IntermediateCurve {
  var a: [Int: Double] = [:], e: [Int: Double] = [:]
  for (i, v) in values.enumerated() { a[i + 1] = v.0; e[i + 1] = -v.1 }
  return IntermediateCurve(number: n, scores: a, complete: complete, second: e)
}

/// Five complete trials: accuracy 0.6 ... 0.8 after one step, every one 10 J per step.
private let finished = (1...5).map { pairs($0, [(0.55 + 0.05 * Double($0), 10), (0.6 + 0.05 * Double($0), 20)]) }

@Test func dominancePrunerStopsATrialMostCompleteTrialsBeatAtTheSameCostAndKeepsACheaperOne() {
  let p = DominancePruner(startupTrials: 5)
  // Less accurate than four of five at the same joules: dominated by a majority.
  #expect(p.shouldPrune(pairs(6, [(0.62, 10)], complete: false), others: finished))
  // Above the middle one: only two dominate it.
  #expect(!p.shouldPrune(pairs(6, [(0.71, 10)], complete: false), others: finished))
  // Just as inaccurate but half the joules: nobody dominates it, it may end on the front.
  #expect(!p.shouldPrune(pairs(6, [(0.62, 5)], complete: false), others: finished))
  // Compared at its own step: at step 2 the others hold 0.7 ... 0.9 for 20 J.
  #expect(p.shouldPrune(pairs(6, [(0.70, 10), (0.72, 20)], complete: false), others: finished))
  // Joules within the 10% tolerance are a tie, not a win: 9.3 J does not save 0.62; 8.5 J does.
  #expect(p.shouldPrune(pairs(6, [(0.62, 9.3)], complete: false), others: finished))
  #expect(!p.shouldPrune(pairs(6, [(0.62, 8.5)], complete: false), others: finished))
}

@Test func dominancePrunerWaitsForStartupTrialsWarmupStepsAndBothValues() {
  let bad = pairs(6, [(0.1, 50)], complete: false)
  #expect(DominancePruner(startupTrials: 5).shouldPrune(bad, others: finished))
  // Four complete trials are not enough; running ones do not count.
  #expect(!DominancePruner(startupTrials: 5).shouldPrune(bad, others: Array(finished.prefix(4))))
  let running = finished.map { var c = $0; c.complete = false; return c }
  #expect(!DominancePruner(startupTrials: 5).shouldPrune(bad, others: running))
  // Step 1 is inside the warm-up.
  #expect(!DominancePruner(startupTrials: 5, warmupSteps: 2).shouldPrune(bad, others: finished))
  // Without joules at the step nothing is decided.
  let noCost = IntermediateCurve(number: 6, scores: [1: 0.1], complete: false, second: [:])
  #expect(!DominancePruner(startupTrials: 5).shouldPrune(noCost, others: finished))
}

@Test func withTheSecondObjectiveTiedTheDominanceRuleIsTheMedianRule() {
  // Odd counts of complete trials, every one at the same joules: the two rules agree everywhere.
  var g = SystemRandomNumberGenerator()
  for count in [1, 3, 5, 7, 9] {
    let others = (1...count).map { pairs($0, [(Double.random(in: 0...1, using: &g), 10)]) }
    for _ in 0..<50 {
      let a = Double.random(in: 0...1, using: &g)
      let median = MedianPruner(startupTrials: 1).shouldPrune(
        IntermediateCurve(number: 99, scores: [1: a], complete: false), others: others)
      #expect(DominancePruner(startupTrials: 1).shouldPrune(pairs(99, [(a, 10)], complete: false), others: others) == median)
    }
  }
}

@Test func monitorComparesJoulesSoFarWhenTheReportLeavesThemOut() {
  let energy = Objective(metric: "energy_j", direction: .minimize)
  let m = TrialMonitor(number: 6, metric: "accuracy", direction: .maximize, pruner: DominancePruner(startupTrials: 5),
                       others: finished, second: energy)
  var joules = 0.0
  m.measure { joules }
  joules = 10
  // At step 1 accuracy 0.71 for 10 J: two of five dominate it, it goes on.
  #expect(!m.report(step: 1, values: ["accuracy": 0.71, "loss": 0.5]))
  #expect(m.metrics["energy_j@1"] == 10)
  joules = 20
  // At step 2 accuracy 0.66 for 20 J: all five dominate it.
  #expect(m.report(step: 2, values: ["accuracy": 0.66]))
  #expect(m.verdict == .pruned)
  #expect(m.curve.second == [1: -10, 2: -20])
  // A pruned trial whose objective returned nothing keeps its value at the stop.
  var t = Trial(number: 6, suggestion: 5, params: [], state: .failed)
  m.apply(to: &t)
  #expect(t.state == .pruned && t.value == 0.66)
  // The stored trial's curve is the one the monitor built.
  #expect(TrialMonitor.curve(of: t, metric: "accuracy", direction: .maximize, second: energy).second == [1: -10, 2: -20])
}

@Test func twoObjectiveStudiesRefuseHalvingAndHyperband() throws {
  var s = StudySettings(name: "mo", space: try SearchSpace([("x", .uniform(0, 1))]), strategy: .random)
  s.secondObjective = Objective(metric: "energy_j", direction: .minimize)
  for kind in [PrunerKind.halving, .hyperband] {
    s.prune = kind
    #expect(throws: TuneError.self) { try s.makeSampler() }
  }
  s.prune = .median
  #expect(try s.makePruner() is DominancePruner)
  s.secondObjective = nil
  #expect(try s.makePruner() is MedianPruner)
}

@Test func aTwoObjectiveStudyWithPruningStopsDominatedTrialsAndKeepsThemOffTheFront() throws {
  // Ten steps per trial; accuracy rises to x, each step costs 1 + y joules: trials with small x
  // and large y are dominated at every step.
  let space = try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))])
  var s = StudySettings(name: "mo-prune", space: space, strategy: .random)
  s.trials = 30
  s.seed = 4
  s.secondObjective = Objective(metric: "energy_j", direction: .minimize)
  s.prune = .median
  let study = try StudyRunner(settings: s, store: nil).run(objective: { r in
    let x = r.params[0].value.number!, y = r.params[1].value.number!
    var joules = 0.0
    r.monitor.measure { joules }
    r.monitor.plan(steps: 10)
    var accuracy = 0.0
    for step in 1...10 {
      accuracy = x * (1 - exp(-Double(step) / 3))
      joules += 1 + y
      if r.monitor.report(step: step, values: ["accuracy": accuracy]) {
        return TrialOutcome(state: .pruned, value: accuracy, metrics: ["accuracy": accuracy], energyJ: joules)
      }
    }
    return TrialOutcome(state: .complete, value: accuracy, metrics: ["accuracy": accuracy], energyJ: joules)
  }, shouldStop: { false })
  let pruned = study.trials.filter { $0.state == .pruned }
  #expect(pruned.count >= 3, "\(study.trials.map(\.state))")
  #expect(study.trials.count == 30)
  // Pruned trials keep their value and the joules they spent before the stop, under a full run's.
  for t in pruned {
    #expect(t.value != nil && t.energyJ! < 10 * (1 + t.params[1].number!))
  }
  // The front holds complete trials only, and some complete trial was pruned-free but dominated.
  let front = study.paretoTrials
  #expect(!front.isEmpty && front.allSatisfy { $0.state == .complete })
  #expect(study.joulesPruned > 0)
}
