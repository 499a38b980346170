import Foundation

/// A CPU's package power measured by RAPL across a load sweep (`joule calibrate`), for the
/// estimate to use on any machine with the same CPU model.
///
///     let c = CPUCalibration(cpuModel: "Intel(R) Xeon(R) CPU E3-1240 V2 @ 3.40GHz", logicalCPUs: 8,
///                            idleWatts: 12, maxWatts: 60, curve: [0, 0.3, 0.5, 0.62, 0.7, 0.77,
///                                                                0.83, 0.88, 0.93, 0.97, 1])
///     c.watts(utilisation: 0.25)   // 12 + 48 · (0.5 + 0.5 · (0.62 − 0.5)) = 38.9
///     c.label                      // "calibrated (/home/me/.config/joule/calibration.json, 2026-12-06)"
///
/// The curve is normalised: `curve[i]` is (P(u_i) − idle) / (max − idle) at u_i = i/10, so it
/// runs from 0 to 1, never decreasing, and power between knots is linear. u is what the
/// estimate uses: the machine's busy CPU seconds over wall seconds × logical CPUs.
public struct CPUCalibration: Equatable, Sendable {
  /// The loads the curve is given at: 0, 0.1, …, 1 (SPECpower's levels, with idle).
  public static let loads: [Double] = (0...10).map { Double($0) / 10 }

  /// /proc/cpuinfo "model name" of the calibrated machine: the key the estimate matches.
  public var cpuModel: String
  /// Logical CPUs of the calibrated machine: the estimate scales to its own share of them.
  public var logicalCPUs: Int
  /// Package watts at u = 0 and u = 1 (RAPL package domains, not DRAM).
  public var idleWatts: Double
  public var maxWatts: Double
  /// Normalised power at `loads`, 0 first, 1 last, non-decreasing.
  public var curve: [Double]
  /// What the watts count: always `package`, as RAPL reads it.
  public var scope: EnergyScope = .package
  /// When it was measured (Unix seconds).
  public var date: Double
  /// The file it was loaded from; nil for one just fitted and not yet saved.
  public var sourcePath: String?
  /// The sweep's measurements, kept in the file for whoever wants to check the fit.
  public var points: [SweepPoint] = []

  public init(cpuModel: String, logicalCPUs: Int, idleWatts: Double, maxWatts: Double, curve: [Double],
              date: Double = EnergyReading.unixNow(), sourcePath: String? = nil, points: [SweepPoint] = []) {
    self.cpuModel = cpuModel
    self.logicalCPUs = logicalCPUs
    self.idleWatts = idleWatts
    self.maxWatts = maxWatts
    self.curve = curve
    self.date = date
    self.sourcePath = sourcePath
    self.points = points
  }

  /// The normalised curve at utilisation `u` (clamped to [0, 1]), linear between knots.
  public func shape(_ u: Double) -> Double {
    let x = min(1, max(0, u)) * Double(curve.count - 1)
    let i = min(Int(x), curve.count - 2)
    let f = x - Double(i)
    return curve[i] + (curve[i + 1] - curve[i]) * f
  }

  /// Package watts of the calibrated machine at utilisation `u`. A machine with fewer of this
  /// CPU's logical CPUs (a VM) gets its share through `CPUPowerModel.calibrated(by:)`.
  public func watts(utilisation u: Double) -> Double {
    idleWatts + (maxWatts - idleWatts) * shape(u)
  }

  /// The day it was measured, "2026-12-06".
  public var day: String { String(Self.isoTimestamp(date).prefix(10)) }

  /// What an estimate that uses it says about its origin.
  public var label: String {
    "calibrated (" + (sourcePath ?? "not saved") + ", " + day + ")"
  }

  /// Why the values cannot be a calibration, or nil when they can.
  public var problem: String? {
    if cpuModel.isEmpty { return "the CPU model is empty" }
    if logicalCPUs < 1 { return "logical_cpus is \(logicalCPUs); it must be at least 1" }
    if !(idleWatts >= 0 && idleWatts.isFinite) { return "idle_w is \(idleWatts); it must be a finite number >= 0" }
    if !(maxWatts > idleWatts && maxWatts.isFinite) { return "max_w is \(maxWatts); it must be finite and above idle_w (\(idleWatts))" }
    if curve.count != Self.loads.count { return "curve has \(curve.count) numbers; it needs \(Self.loads.count), at loads 0, 0.1, ..., 1" }
    if abs(curve[0]) > 1e-9 || abs(curve[curve.count - 1] - 1) > 1e-9 { return "curve must start at 0 and end at 1 (it is normalised)" }
    for i in 1..<curve.count where !(curve[i] >= curve[i - 1]) {
      return "curve falls from \(curve[i - 1]) to \(curve[i]) at load \(Self.loads[i]); it must not decrease"
    }
    return nil
  }

  static func isoTimestamp(_ t: Double) -> String {
    let f = ISO8601DateFormatter()
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date(timeIntervalSince1970: t))
  }
}
