import Stats
import Testing

@Suite struct DescriptiveTests {
  let fixture = SciPyFixture.shared

  @Test func describeAgreesWithNumpyAndSciPy() throws {
    let expected = fixture["describe"] as! [String: [String: Any]]
    for (name, xs) in fixture.samples {
      let s = try Summary(of: xs)
      let e = expected[name]!
      #expect(s.n == Int(number(e["n"])))
      let pairs: [(String, Double?)] = [("mean", s.mean), ("sd", s.sd), ("median", s.median), ("q1", s.q1),
                                        ("q3", s.q3), ("min", s.min), ("max", s.max),
                                        ("ci_low", s.ciLow), ("ci_high", s.ciHigh)]
      for (key, ours) in pairs {
        #expect(SciPyFixture.agrees(ours!, number(e[key])), "\(name).\(key): \(ours!) vs \(number(e[key]))")
      }
    }
  }

  @Test func quantileFollowsNumpysLinearMethod() throws {
    let expected = fixture["quantile"] as! [String: [String: [Any]]]
    for (name, xs) in fixture.samples {
      let qs = expected[name]!["q"]!.map { number($0) }
      let ours = try Quantile.of(xs, qs)
      for (o, e) in zip(ours, expected[name]!["values"]!.map({ number($0) })) {
        #expect(SciPyFixture.agrees(o, e), "\(name): \(o) vs \(e)")
      }
    }
  }

  @Test func emptyOrNonFiniteDataIsRefusedWithAReason() {
    #expect(throws: StatsError.tooFew(needed: 1, got: 0, what: "describe")) { try Summary(of: []) }
    #expect(throws: StatsError.notFinite(what: "quantile")) { try Quantile.of([1, .nan], 0.5) }
    #expect(throws: StatsError.self) { try Quantile.of([1, 2], 1.5) }
  }

  @Test func rankingAveragesTiesAndCountsTheirGroups() {
    let r = Ranking([3, 1, 3, 2, 3])
    #expect(r.ranks == [4, 1, 4, 2, 4])
    #expect(r.tieSizes == [1, 1, 3])
    #expect(r.tieTerm == 24)
  }

  @Test func bootstrapIsRepeatableForASeedAndBracketsTheEstimate() throws {
    let xs = fixture.samples["normal30"]!
    let a = try Bootstrap.interval(xs, seed: 7) { Moments.mean($0) }
    let b = try Bootstrap.interval(xs, seed: 7) { Moments.mean($0) }
    let c = try Bootstrap.interval(xs, seed: 8) { Moments.mean($0) }
    #expect(a == b)
    #expect(a != c)
    #expect(a.low < a.estimate && a.estimate < a.high)
    // The percentile interval of the mean is close to the t interval for 30 normal values.
    let s = try Summary(of: xs)
    #expect(abs(a.low - s.ciLow!) < 0.25 * (s.ciHigh! - s.ciLow!))
    #expect(abs(a.high - s.ciHigh!) < 0.25 * (s.ciHigh! - s.ciLow!))
  }
}
