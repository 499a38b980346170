/// An effect size with its conventional label.
///
///     EffectSize.cliffsDelta(-0.7).label   // "large"
///     EffectSize.etaSquared(0.04).label    // "small"
///
/// Thresholds: Cliff's δ 0.147 / 0.33 / 0.474 (Romano et al. 2006); η² 0.01 / 0.06 / 0.14
/// (Cohen 1988, as Tomczak & Tomczak 2014 apply them to η²_H); Cohen's d 0.2 / 0.5 / 0.8
/// (Cohen 1988).
public struct EffectSize: Sendable, Equatable {
  /// "cliffs_delta", "eta_squared" or "cohens_d".
  public let measure: String
  public let value: Double
  public let label: String

  public static func cliffsDelta(_ d: Double) -> EffectSize {
    EffectSize(measure: "cliffs_delta", value: d, label: label(abs(d), 0.147, 0.33, 0.474))
  }

  public static func etaSquared(_ e: Double) -> EffectSize {
    EffectSize(measure: "eta_squared", value: e, label: label(e, 0.01, 0.06, 0.14))
  }

  public static func cohensD(_ d: Double) -> EffectSize {
    EffectSize(measure: "cohens_d", value: d, label: label(abs(d), 0.2, 0.5, 0.8))
  }

  private static func label(_ x: Double, _ small: Double, _ medium: Double, _ large: Double) -> String {
    x < small ? "negligible" : x < medium ? "small" : x < large ? "medium" : "large"
  }
}
