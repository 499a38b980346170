import Foundation
import Testing
import Tune

/// min (x − 1)² + (y − 1)² on [−2, 2]² subject to x² + y² ≤ 1: the unconstrained optimum (1, 1)
/// is infeasible; the constrained one is (1/√2, 1/√2), value (1 − 1/√2)²·2 ≈ 0.1716.
private let constrainedOptimum = 2 * (1 - 1 / 2.0.squareRoot()) * (1 - 1 / 2.0.squareRoot())

private func runConstrained(seed: Int, trials: Int) throws -> (best: Double?, feasibleAfterInitial: Int) {
  // 30 trials, 3 seeds: each found 0.1716 to 4 digits when written.
  let space = try SearchSpace([("x", .uniform(-2, 2)), ("y", .uniform(-2, 2))])
  let sampler = BayesSampler(space: space, seed: seed)
  var history: [Observation] = []
  var best: Double?
  var feasibleLate = 0
  for i in 0..<trials {
    let p = try #require(try sampler.suggest(index: i, history: history)).point.map { $0.number! }
    let f = (p[0] - 1) * (p[0] - 1) + (p[1] - 1) * (p[1] - 1)
    let c = p[0] * p[0] + p[1] * p[1] - 1
    history.append(Observation(point: p.map { .double($0) }, score: -f, constraints: [c]))
    if c <= 0 {
      best = min(best ?? .infinity, f)
      if i >= sampler.initial { feasibleLate += 1 }
    }
  }
  return (best, feasibleLate)
}

@Test func constrainedBayesFindsTheConstrainedOptimum() throws {
  for seed in 1...3 {
    let r = try runConstrained(seed: seed, trials: 30)
    let best = try #require(r.best, "seed \(seed): no feasible trial")
    // Never below the constrained optimum (it is feasible-only), and within 0.03 of it.
    #expect(best >= constrainedOptimum - 1e-9)
    #expect(best - constrainedOptimum < 0.03, "seed \(seed): best feasible \(best)")
  }
}

@Test func bestNeverReturnsAnInfeasibleTrial() throws {
  var settings = StudySettings(name: "c", space: try SearchSpace([("x", .uniform(0, 1))]), strategy: .bayes)
  settings.direction = .minimize
  settings.constraints = 1
  let trials = [
    Trial(number: 1, suggestion: 0, params: [.double(0.1)], state: .complete, value: 5, metrics: ["constraint1": -1]),
    Trial(number: 2, suggestion: 1, params: [.double(0.2)], state: .complete, value: 1, metrics: ["constraint1": 2]),
    // No constraint value (the objective failed before it was computed): infeasible too.
    Trial(number: 3, suggestion: 2, params: [.double(0.3)], state: .complete, value: 0.5),
    Trial(number: 4, suggestion: 3, params: [.double(0.4)], state: .complete, value: 4, metrics: ["constraint1": 0]),
  ]
  let study = Study(settings: settings, trials: trials)
  #expect(study.best?.number == 4)
  #expect(study.rows.map(\.bestSoFar) == [5, 5, 5, 4])
  settings.constraints = nil
  #expect(Study(settings: settings, trials: trials).best?.number == 3)
}

@Test func pendingTrialsPushTheNextSuggestionAway() throws {
  let space = try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))])
  let f: ([Double]) -> Double = { p in -((p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 0.7) * (p[1] - 0.7)) }
  for rule in PendingRule.allCases {
    var sampler = BayesSampler(space: space, seed: 4)
    sampler.pendingRule = rule
    var history: [Observation] = []
    for i in 0..<8 {
      let p = try #require(try sampler.suggest(index: i, history: history)).point
      history.append(Observation(point: p, score: f(p.map { $0.number! })))
    }
    // What the sampler would run next, then what it runs next while that point is still running.
    let alone = try #require(try sampler.suggest(index: 8, history: history)).point.map { $0.number! }
    let pending = Observation(point: alone.map { .double($0) }, score: nil, pending: true)
    let next = try #require(try sampler.suggest(index: 8, history: history + [pending])).point.map { $0.number! }
    let distance = ((next[0] - alone[0]) * (next[0] - alone[0]) + (next[1] - alone[1]) * (next[1] - alone[1])).squareRoot()
    #expect(distance > 0.02, "\(rule): next \(next) is \(distance) from the running \(alone)")
  }
}

@Test func aTrustRegionShrinksAroundTheBestTrialAfterFailures() throws {
  // One dimension, one initial trial (the best, at 0.5), then eight that fail to beat it: the
  // side starts at 0.8 and halves after every 4 failures (TuRBO's max(4, d)), so the box is
  // 0.5 ± 0.1, whatever the slope towards x = 1 suggests.
  let space = try SearchSpace([("x", .uniform(0, 1))])
  let points: [(Double, Double)] = [(0.5, 1), (0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.4),
                                    (0.6, 0.5), (0.7, 0.7), (0.8, 0.9), (0.9, 0.99)]
  let history = points.map { Observation(point: [.double($0.0)], score: $0.1) }
  for seed in 1...3 {
    var sampler = BayesSampler(space: space, seed: seed, initial: 1)
    sampler.trustRegionDimensions = 1
    let next = try #require(try sampler.suggest(index: 9, history: history)).point[0].number!
    #expect(abs(next - 0.5) <= 0.1 + 1e-9, "seed \(seed): suggested \(next)")
  }
}
