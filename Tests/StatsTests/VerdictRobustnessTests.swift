import Stats
import Testing

@Suite struct VerdictRobustnessTests {
  let a = [9.0, 9.1, 9.2, 9.3, 9.4, 9.05, 9.15, 9.25]
  let b = [8.0, 8.1, 8.2, 8.3, 8.4, 8.05, 8.15, 8.25]

  @Test func aVerdictThatNamesTheSameWinnerUnderEveryScenarioHolds() throws {
    let c = try Comparison([("a", a), ("b", b)])
    let scaled = [2.0, 0.5, 3.0].map { k in
      (name: "x\(k)", groups: [(label: "a", values: a.map { $0 * k + 1 }), (label: "b", values: b.map { $0 * k + 1 })])
    }
    let check = try VerdictRobustness(original: c, scenarios: scaled, range: "three scales")
    #expect(check.holds)
    #expect(check.line == "holds whatever the estimate's shape (3 shapes: three scales)")
  }

  @Test func aVerdictThatFlipsUnderOneScenarioDependsOnTheEstimateAndSaysWhere() throws {
    let c = try Comparison([("a", a), ("b", b)])
    #expect(c.lowest?.label == "b")
    let scenarios = [
      (name: "same", groups: [(label: "a", values: a), (label: "b", values: b)]),
      (name: "idle 60%, u^0.7", groups: [(label: "a", values: b), (label: "b", values: a)]),
    ]
    let check = try VerdictRobustness(original: c, scenarios: scenarios, range: "the range")
    #expect(!check.holds)
    #expect(check.failures.map(\.scenario) == ["idle 60%, u^0.7"])
    #expect(check.line.hasPrefix("depends on the estimate: with idle 60%, u^0.7, lowest: a"))
    #expect(check.line.hasSuffix("(1 of 2 shapes differ: the range)"))
  }

  @Test func aWinnerThatDissolvesIntoTheNoiseAlsoDepends() throws {
    let c = try Comparison([("a", a), ("b", b)])
    let noise = (name: "flat", groups: [(label: "a", values: a), (label: "b", values: a.reversed().map { $0 + 0.001 })])
    let check = try VerdictRobustness(original: c, scenarios: [noise], range: "r")
    #expect(!check.holds)
    #expect(check.failures[0].verdict.contains("no winner"))
  }
}
