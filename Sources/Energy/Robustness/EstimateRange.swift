import Foundation

/// The shapes inside the estimate's range, for checking that a conclusion does not hinge on
/// one of them (`compare`'s "holds whatever the estimate's shape" line).
///
///     let curves = EstimateRange.curves(maxWatts: 10.6, logicalCPUs: 2)   // 18 curves
///     EstimateRange.summary    // "idle 10–60% of full power, load curves u^0.7 (concave) to u^1.6 (convex)"
///
/// P(u) = P_max · (f + (1 − f) · u^k). The range until the fitted model publishes its own
/// extremes: idle fractions f of 0.1 to 0.6 and exponents k of 0.7, 1 and 1.6. Both come from
/// the 619 SPECpower_ssj2008 load curves (../shared/data/power/specpower_ssj2008_load_curves.csv,
/// all published before 2023): idle over full-load power has 5th and 95th percentiles 0.12 and
/// 0.64, and a least-squares fit of the normalised curve to u^k gives k from 0.68 to 1.58 over
/// the same percentiles. P_max scales every group alike, so it cannot change a verdict; the
/// model's own is used so the joules read sensibly.
public enum EstimateRange {
  public static let idleFractions = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
  public static let exponents = [0.7, 1.0, 1.6]

  public static let summary = "idle 10–60% of full power, load curves u^0.7 (concave) to u^1.6 (convex)"

  /// Every combination of idle fraction and exponent, named "idle 60%, u^1.6".
  public static func curves(maxWatts: Double, logicalCPUs: Int) -> [PowerCurve] {
    idleFractions.flatMap { f in
      exponents.map { k in
        PowerCurve(name: "idle \(Int((f * 100).rounded()))%, u^\(k == 1 ? "1" : String(k))", logicalCPUs: logicalCPUs) { u in
          maxWatts * (f + (1 - f) * Foundation.pow(min(1, max(0, u)), k))
        }
      }
    }
  }

  /// The range around a model: its P_max and logical CPUs.
  public static func curves(for model: CPUPowerModel) -> [PowerCurve] {
    curves(maxWatts: model.maxWatts, logicalCPUs: model.logicalCPUs)
  }
}
