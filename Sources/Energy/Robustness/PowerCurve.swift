/// One shape the estimate could have: watts at utilisation for a machine of `logicalCPUs`, and
/// the energy a window would get under it from its wall and busy CPU seconds.
///
///     let c = PowerCurve(name: "idle 30%, u^1", logicalCPUs: 2) { u in 3 + 7 * u }
///     c.joules(seconds: 10, cpuSeconds: 10)   // u = 0.5 → 6.5 W × 10 s = 65 J
///
/// The recomputation uses the window's mean utilisation; the estimate itself integrates poll
/// by poll, so on a curved shape the two differ where the load varied inside the window
/// (by Jensen's inequality). For comparing groups under other shapes that is the figure the
/// records allow, since they keep only the window's totals.
public struct PowerCurve {
  public var name: String
  public var logicalCPUs: Int
  /// Watts at utilisation u in [0, 1].
  public var watts: (Double) -> Double

  public init(name: String, logicalCPUs: Int, watts: @escaping (Double) -> Double) {
    self.name = name
    self.logicalCPUs = max(1, logicalCPUs)
    self.watts = watts
  }

  /// Utilisation of a window: busy CPU seconds over wall seconds × logical CPUs, in [0, 1].
  public func utilisation(seconds: Double, cpuSeconds: Double) -> Double {
    seconds > 0 ? min(1, max(0, cpuSeconds / (seconds * Double(logicalCPUs)))) : 0
  }

  /// The machine's joules over a window under this curve.
  public func joules(seconds: Double, cpuSeconds: Double) -> Double {
    max(0, seconds) * watts(utilisation(seconds: seconds, cpuSeconds: cpuSeconds))
  }
}
