import Stats
import Testing

@Suite struct SpecialFunctionTests {
  let special = SciPyFixture.shared["special"] as! [String: [[Any]]]

  func check(_ table: String, _ f: ([Double]) -> Double) {
    for row in special[table]! {
      let values = row.map { number($0) }
      let ours = f(Array(values.dropLast()))
      #expect(SciPyFixture.agrees(ours, values.last!), "\(table)\(values.dropLast()): \(ours) vs \(values.last!)")
    }
  }

  @Test func normalCDFAgreesWithSciPyIntoTheFarTail() {
    check("normal_cdf") { NormalDistribution.cdf($0[0]) }
  }

  @Test func normalQuantileAgreesWithSciPy() {
    check("normal_quantile") { NormalDistribution.quantile($0[0]) }
  }

  @Test func incompleteGammaAgreesWithSciPy() {
    check("gamma_p") { IncompleteGamma.p($0[0], $0[1]) }
    check("gamma_q") { IncompleteGamma.q($0[0], $0[1]) }
  }

  @Test func incompleteBetaAgreesWithSciPy() {
    check("beta_i") { IncompleteBeta.i($0[2], $0[0], $0[1]) }
  }

  @Test func studentTAgreesWithSciPy() {
    check("t_sf") { StudentT.sf($0[0], df: $0[1]) }
    check("t_quantile") { StudentT.quantile($0[0], df: $0[1]) }
  }

  @Test func chiSquaredAgreesWithSciPy() {
    check("chi2_sf") { ChiSquared.sf($0[0], df: $0[1]) }
  }
}
