import Testing
import Tune

@Suite struct FactorialSamplerTests {
  func space() throws -> SearchSpace {
    try SearchSpace([("conv", .choice([.int(1), .int(4)])), ("relu", .choice([.bool(false), .bool(true)]))])
  }

  @Test func everyCombinationRunsRepeatTimesWithRepetitionsNumberedFromZero() throws {
    let f = try FactorialSampler(space: try space(), repeats: 5, seed: 3)
    #expect(f.size == 20)
    var seen: [String: [Int]] = [:]
    for i in 0..<f.size {
      let p = try #require(try f.suggest(index: i, history: []))
      seen["\(p.point)", default: []].append(f.repetition(at: i))
    }
    #expect(seen.count == 4)
    for reps in seen.values { #expect(reps.sorted() == [0, 1, 2, 3, 4]) }
    #expect(try f.suggest(index: 20, history: []) == nil)
  }

  @Test func theOrderIsSeededShuffledAcrossRepetitions() throws {
    let a = try FactorialSampler(space: try space(), repeats: 5, seed: 3)
    let b = try FactorialSampler(space: try space(), repeats: 5, seed: 3)
    let c = try FactorialSampler(space: try space(), repeats: 5, seed: 4)
    let order = { (f: FactorialSampler) in (0..<f.size).map { f.combination(at: $0) * 10 + f.repetition(at: $0) } }
    #expect(order(a) == order(b))
    #expect(order(a) != order(c))
    // Shuffled over the whole list: the first block of 4 runs is not just repetition 0.
    #expect((0..<a.size).map { a.repetition(at: $0) } != (0..<a.size).map { $0 / 4 })
    let plain = try FactorialSampler(space: try space(), repeats: 2, seed: 3, shuffle: false)
    #expect((0..<plain.size).map { plain.combination(at: $0) } == [0, 1, 2, 3, 0, 1, 2, 3])
  }

  @Test func factorsMustBeListsOfLevels() throws {
    let s = try SearchSpace([("lr", .uniform(0, 1))])
    #expect(throws: TuneError.self) { try FactorialSampler(space: s, repeats: 2, seed: 1) }
    #expect(throws: TuneError.self) { try FactorialSampler(space: try space(), repeats: 0, seed: 1) }
  }
}
