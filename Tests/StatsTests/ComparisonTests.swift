import Stats
import Testing

@Suite struct ComparisonTests {
  let samples = SciPyFixture.shared.samples

  @Test func threeGroupsUseKruskalWallisWithEtaSquared() throws {
    let c = try Comparison([("a", samples["energy_a"]!), ("b", samples["energy_b"]!), ("c", samples["energy_c"]!)])
    #expect(c.test == "kruskal-wallis")
    #expect(c.df == 2)
    #expect(SciPyFixture.agrees(c.p, 0.007316193458194132))
    #expect(c.effect.measure == "eta_squared")
    #expect(c.effect.label == "medium")
    #expect(c.groups[0].changePercent == nil)
    let change = c.groups[1].changePercent!
    #expect(abs(change - (c.groups[1].summary.mean / c.groups[0].summary.mean - 1) * 100) < 1e-9)
  }

  @Test func twoGroupsUseMannWhitneyWithCliffsDelta() throws {
    let c = try Comparison([("tiny_a", samples["tiny_a"]!), ("tiny_b", samples["tiny_b"]!)])
    #expect(c.test == "mann-whitney")
    #expect(c.effect.measure == "cliffs_delta")
    #expect(c.effect.value == -0.7)
    #expect(c.effect.label == "large")
  }

  @Test func groupsWithinTheNoiseNameNoWinner() throws {
    let c = try Comparison([("x", [2.76, 2.29, 2.51, 2.60, 2.42]), ("y", [2.70, 2.35, 2.55, 2.48, 2.44])])
    #expect(c.overlap)
    #expect(c.lowest == nil)
    #expect(c.verdict.hasPrefix("groups overlap within the noise"))
  }

  @Test func aClearDifferenceNamesTheLowestGroup() throws {
    let c = try Comparison([("slow", [5.1, 5.3, 5.2, 5.4, 5.25, 5.15]), ("fast", [2.1, 2.3, 2.2, 2.25, 2.15, 2.2])])
    #expect(!c.overlap)
    #expect(c.lowest?.label == "fast")
    #expect(c.verdict.hasPrefix("lowest: fast"))
  }

  @Test func normalityNoteNamesTheGroupsThatAreNotNormal() throws {
    let skewed: [Double] = [1, 1, 1, 1, 1, 1, 1, 2, 9, 30]
    let c = try Comparison([("n", samples["normal30"]!), ("s", skewed)])
    #expect(c.normalityNote.hasPrefix("not normal: s"))
  }

  @Test func oneGroupIsNotAComparison() {
    #expect(throws: StatsError.self) { try Comparison([("only", [1, 2, 3])]) }
  }

  @Test func effectLabelsFollowTheConventionalThresholds() {
    #expect(EffectSize.cliffsDelta(0.1).label == "negligible")
    #expect(EffectSize.cliffsDelta(-0.2).label == "small")
    #expect(EffectSize.cliffsDelta(0.4).label == "medium")
    #expect(EffectSize.etaSquared(0.005).label == "negligible")
    #expect(EffectSize.etaSquared(0.2).label == "large")
    #expect(EffectSize.cohensD(0.6).label == "medium")
  }
}
