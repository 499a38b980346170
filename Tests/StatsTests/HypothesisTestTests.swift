import Stats
import Testing

@Suite struct HypothesisTestTests {
  let fixture = SciPyFixture.shared

  @Test func shapiroWilkAgreesWithSciPy() throws {
    let expected = fixture["shapiro"] as! [String: [String: Any]]
    for (name, xs) in fixture.samples {
      let r = try ShapiroWilk(xs)
      #expect(SciPyFixture.agrees(r.w, number(expected[name]!["w"])), "\(name) W: \(r.w)")
      #expect(SciPyFixture.agrees(r.p, number(expected[name]!["p"])), "\(name) p: \(r.p) vs \(number(expected[name]!["p"]))")
    }
  }

  @Test func twoSampleTestsAgreeWithSciPy() throws {
    let samples = fixture.samples
    for case let e as [String: Any] in fixture["two_sample"] as! [Any] {
      let a = samples[e["a"] as! String]!, b = samples[e["b"] as! String]!
      let label = "\(e["a"]!) vs \(e["b"]!)"
      let welch = e["welch"] as! [String: Any], mw = e["mann_whitney"] as! [String: Any]
      let w = try WelchTest(a, b)
      #expect(SciPyFixture.agrees(w.t, number(welch["t"])), "\(label) t")
      #expect(SciPyFixture.agrees(w.df, number(welch["df"])), "\(label) df")
      #expect(SciPyFixture.agrees(w.p, number(welch["p"])), "\(label) welch p: \(w.p) vs \(number(welch["p"]))")
      let m = try MannWhitneyU(a, b)
      #expect(SciPyFixture.agrees(m.u, number(mw["u"])), "\(label) U")
      #expect(SciPyFixture.agrees(m.p, number(mw["p"])), "\(label) U p (\(m.method)): \(m.p) vs \(number(mw["p"]))")
      #expect(SciPyFixture.agrees(m.cliffsDelta, number(mw["cliffs_delta"])), "\(label) delta")
      let d = try CohensD.of(a, b)
      #expect(SciPyFixture.agrees(d, number(e["cohens_d"])), "\(label) d")
    }
  }

  @Test func kruskalWallisAgreesWithSciPyIncludingTies() throws {
    let samples = fixture.samples
    for case let e as [String: Any] in fixture["kruskal"] as! [Any] {
      let groups = (e["groups"] as! [String]).map { samples[$0]! }
      let k = try KruskalWallis(groups)
      #expect(SciPyFixture.agrees(k.h, number(e["h"])), "H of \(e["groups"]!)")
      #expect(k.df == Int(number(e["df"])))
      #expect(SciPyFixture.agrees(k.p, number(e["p"])), "p of \(e["groups"]!): \(k.p)")
      #expect(SciPyFixture.agrees(k.etaSquared, number(e["eta_squared"])))
    }
  }

  @Test func smallSamplesWithoutTiesUseTheExactMannWhitneyDistribution() throws {
    // All of b above all of a: the most extreme of C(9,4) = 126 arrangements, both tails.
    let m = try MannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8, 9])
    #expect(m.method == "exact")
    #expect(abs(m.p - 2.0 / 126) < 1e-15)
    #expect(m.cliffsDelta == -1)
  }

  @Test func constantDataIsAnErrorNotANaN() {
    #expect(throws: StatsError.self) { try KruskalWallis([[1, 1], [1, 1]]) }
    #expect(throws: StatsError.self) { try WelchTest([2, 2], [2, 2]) }
  }
}
