import Foundation
import Testing
import Tune

@Test func paretoRanksCrowdingAndHypervolumeFollowTheirDefinitions() {
  let pts: [[Double]] = [[1, 0], [0, 1], [0, 0], [0.5, 0.5], [-1, -1]]
  #expect(ParetoSet.front(pts) == [0, 1, 3])
  #expect(ParetoSet.ranks(pts) == [0, 0, 1, 0, 2])
  // The extremes of a front are always kept; the middle point's distance is the normalised gap.
  #expect(ParetoSet.crowding([[1, 0], [0.5, 0.5], [0, 1]]) == [.infinity, 2, .infinity])
  // Two rectangles overlapping in a unit square: 2 + 2 − 1.
  #expect(ParetoSet.hypervolume([[1, 0], [0, 1]], reference: [-1, -1]) == 3)
  // Dominated points and points behind the reference add nothing.
  #expect(ParetoSet.hypervolume([[1, 0], [0, 1], [0, 0], [-2, 5]], reference: [-1, -1]) == 3)
}

/// Two objectives in conflict on [0, 1]²: accuracy peaks at x = 0.8, energy grows with x and y.
private func twoObjectives(_ p: [(name: String, value: ParameterValue)]) -> TrialOutcome {
  let x = p[0].value.number!, y = p[1].value.number!
  let accuracy = 1 - pow(x - 0.8, 2) - 0.2 * pow(y - 0.3, 2)
  let energy = 10 + 100 * x + 20 * y
  return TrialOutcome(state: .complete, value: accuracy, metrics: ["accuracy": accuracy], energyJ: energy)
}

private func study(_ strategy: Strategy, seed: Int, trials: Int) throws -> Study {
  let space = try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))])
  var s = StudySettings(name: "mo", space: space, strategy: strategy)
  s.seed = seed
  s.trials = trials
  s.secondObjective = Objective(metric: "energy_j", direction: .minimize)
  s.reference = [0, 140]
  return try StudyRunner(settings: s, store: nil).run(objective: { twoObjectives($0.params) }, shouldStop: { false })
}

@Test func parEGOBeatsRandomHypervolumeOnATwoObjectiveProblem() throws {
  var wins = 0
  var seen: [String] = []
  for seed in 1...3 {
    let gp = try study(.bayes, seed: seed, trials: 25).hypervolume()!
    let random = try study(.random, seed: seed, trials: 25).hypervolume()!
    seen.append("seed \(seed): parego \(gp), random \(random)")
    if gp > random { wins += 1 }
  }
  #expect(wins >= 2, "\(seen)")
}

@Test func nsga2IsDeterministicAndKeepsThePopulationRandomAtFirst() throws {
  let a = try study(.nsga2, seed: 4, trials: 60), b = try study(.nsga2, seed: 4, trials: 60)
  #expect(a.trials.map(\.params) == b.trials.map(\.params))
  let random = try study(.random, seed: 4, trials: 50)
  // Generation 0 (50 trials, Optuna's population) is the random sampler's.
  #expect(Array(a.trials.prefix(50).map(\.params)) == random.trials.map(\.params))
  #expect(a.paretoTrials.count >= 3)
  #expect(a.hypervolume()! >= random.hypervolume()!)
}
