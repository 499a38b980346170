import Foundation
import Testing
import Tune

private func unitCube(_ d: Int) throws -> SearchSpace {
  try SearchSpace((1...d).map { ("x\($0)", try Dimension.uniform(0, 1)) })
}

@Test func bayesInitialTrialsPutOneTrialInEachStratumOfEveryAxis() throws {
  // Independent random points would fill all 7 sevenths of an axis with probability 7!/7⁷ ≈ 0.6%.
  let space = try unitCube(6)
  for seed in 1...5 {
    let sampler = BayesSampler(space: space, seed: seed)
    #expect(sampler.initial == 7)
    let points = try (0..<sampler.initial).map { i in
      try #require(try sampler.suggest(index: i, history: [])).point.map { $0.number! }
    }
    for k in 0..<6 {
      let strata = Set(points.map { Int($0[k] * Double(sampler.initial)) })
      #expect(strata.count == sampler.initial, "seed \(seed), axis \(k + 1): strata \(strata.sorted())")
    }
  }
}

@Test func bayesInitialPointDependsOnlyOnSeedAndIndex() throws {
  // A resumed study, or a second worker, asks for trial 4 with a different history and must get
  // the same point.
  let space = try unitCube(3)
  let sampler = BayesSampler(space: space, seed: 9)
  let seen = [Observation(point: [.double(0.1), .double(0.2), .double(0.3)], score: 1)]
  let fresh = try #require(try sampler.suggest(index: 3, history: []))
  let resumed = try #require(try BayesSampler(space: space, seed: 9).suggest(index: 3, history: seen))
  #expect(fresh.point == resumed.point)
}

@Test func randomInitialDesignIsTheRandomSamplers() throws {
  let space = try unitCube(4)
  var sampler = BayesSampler(space: space, seed: 4)
  sampler.initialDesign = .random
  for i in 0..<sampler.initial {
    let a = try #require(try sampler.suggest(index: i, history: []))
    let b = try #require(try RandomSampler(space: space, seed: 4).suggest(index: i, history: []))
    #expect(a.point == b.point)
  }
}
