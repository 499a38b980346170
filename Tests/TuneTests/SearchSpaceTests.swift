import Foundation
import Testing
import Tune
import TuneNumerics

@Test func gridFollowsThePaperRuleAndNeverUsesTheUpperBound() throws {
  let d = try Dimension.uniform(0.1, 1)
  let values = d.gridValues(5).map { $0.number! }
  let expected = (0..<5).map { 0.1 + Double($0) * 0.9 / 5 }
  #expect(values.count == 5)
  for (a, b) in zip(values, expected) { #expect(abs(a - b) < 1e-12) }
  #expect(!values.contains(1))
  let inclusive = d.gridValues(5, includeUpper: true).map { $0.number! }
  #expect(abs(inclusive.last! - 1) < 1e-12)
}

@Test func logRangesAreCutInLogSpace() throws {
  let d = try Dimension.logUniform(1e-5, 1e-1)
  let v = d.gridValues(4).map { log10($0.number!) }
  for (a, b) in zip(v, [-5.0, -4, -3, -2]) { #expect(abs(a - b) < 1e-9) }
  if case .double(let mid) = d.decode(0.5) { #expect(abs(log10(mid) + 3) < 1e-9) } else { Issue.record("not a double") }
}

@Test func integersAndChoicesDecodeToRunnableValues() throws {
  let i = try Dimension.integer(1, 4)
  #expect(i.gridValues(5) == [.int(1), .int(2), .int(3), .int(4)])
  #expect(i.decode(0) == .int(1) && i.decode(1) == .int(4))
  let c = try Dimension.choice([.int(32), .int(64), .int(128)])
  #expect(c.decode(0.5) == .int(64))
  #expect(c.decode(try c.encode(.int(128))) == .int(128))
  #expect(c.coerce(.double(64)) == .int(64))
}

@Test func encodeInvertsDecode() throws {
  let space = try SearchSpace([("lr", .logUniform(1e-5, 1e-1)), ("beta1", .uniform(0.5, 0.99)),
                               ("batch", .choice([.int(32), .int(64)])), ("blocks", .integer(1, 4))])
  var rng = SeededGenerator(seed: 9)
  for _ in 0..<50 {
    let p = space.decode((0..<4).map { _ in rng.unit() })
    #expect(space.decode(try space.encode(p)) == p)
  }
}

@Test func badRangesAreClearErrors() {
  #expect(throws: TuneError.self) { try Dimension.uniform(1, 0) }
  #expect(throws: TuneError.self) { try Dimension.logUniform(0, 1) }
  #expect(throws: TuneError.self) { try Dimension.integer(5, 1) }
  #expect(throws: TuneError.self) { try Dimension.choice([]) }
  #expect(throws: TuneError.self) { try SearchSpace([]) }
  #expect(throws: TuneError.self) { try Dimension.uniform(0, 1).encode(.double(2)) }
}
