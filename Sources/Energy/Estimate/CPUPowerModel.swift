/// The power model behind joule's estimate, in one scope, with where each parameter came from.
///
///     let m = CPUPowerModel.detect(environment: env).model
///     m.watts(utilisation: 0.5)      // P_idle + (P_max − P_idle) · curve(0.5)
///     m.interval(utilisation: 0.5)   // its 80 % interval, from the validation residuals
///     m.extremes                     // the corner models within the fitted range
///     m.description                  // "specpower-package: AMD EPYC (Zen 4 ...), P_idle 0.6 W, P_max 3.7 W, ..."
///
/// u in [0, 1] is the machine's busy CPU time over wall time divided by its logical CPUs (the
/// online CPUs /proc/stat counts). `curve` is normalised: 0 at idle, 1 at full load. In the
/// `package` scope the watts are what RAPL's package domains would read; in the `wall` scope the
/// server's (or, on a VM, the VM's share of the host's) power at the plug. Memory adds
/// `ramWattsPerGB` per GB resident (package scope; at the wall memory is inside the figure).
public struct CPUPowerModel: Equatable, Sendable {
  /// /proc/cpuinfo "model name" (or the `--cpu` given to `joule power-model`).
  public var cpuModel: String
  public var logicalCPUs: Int
  public var scope: EnergyScope
  public var idleWatts: Double
  public var maxWatts: Double
  public var curve: LoadCurve
  /// Where P_idle, P_max and the curve came from, for the description.
  public var origin: String
  public var ramWattsPerGB: Double
  /// The 80 % interval as ratios of the point figure (low < 1 < high).
  public var intervalLow: Double
  public var intervalHigh: Double
  /// The fitted range of the idle fraction and of the curve, for `extremes`; nil when the
  /// parameters were given (JOULE_CPU_WATTS) rather than fitted.
  public var idleFractionRange: ClosedRange<Double>?
  public var curveLow: LoadCurve?
  public var curveHigh: LoadCurve?
  /// The short name in `energy_source`: "specpower-package", "specpower-wall", "fixed-package".
  public var label: String

  public init(cpuModel: String, logicalCPUs: Int, idleWatts: Double, maxWatts: Double, origin: String,
              scope: EnergyScope = .package, curve: LoadCurve = .linear,
              ramWattsPerGB: Double = PowerModelFit.memoryWattsPerGB,
              interval: (low: Double, high: Double) = PowerModelFit.packageInterval, label: String? = nil) {
    self.cpuModel = cpuModel
    self.logicalCPUs = logicalCPUs
    self.idleWatts = idleWatts
    self.maxWatts = maxWatts
    self.origin = origin
    self.scope = scope
    self.curve = curve
    self.ramWattsPerGB = ramWattsPerGB
    self.intervalLow = interval.low
    self.intervalHigh = interval.high
    self.label = label ?? "fixed-\(scope.rawValue)"
  }

  /// Power at utilisation `u` (clamped to [0, 1]), without memory.
  public func watts(utilisation u: Double) -> Double {
    idleWatts + (maxWatts - idleWatts) * curve.value(at: u)
  }

  /// joule 0.2's name for `watts(utilisation:)`.
  public func cpuWatts(utilisation u: Double) -> Double { watts(utilisation: u) }

  /// The 80 % interval of `watts(utilisation:)`.
  public func interval(utilisation u: Double) -> EnergyInterval {
    let w = watts(utilisation: u)
    return EnergyInterval(low: w * intervalLow, high: w * intervalHigh)
  }

  /// Joules over a window from its wall seconds and the machine's busy CPU seconds (an
  /// `EnergyReading`'s `seconds` and `busyCPUSeconds`), at the window's mean utilisation: how
  /// `compare` recomputes a figure under each of `extremes`. Exact for a straight curve; for a
  /// bent one, a window whose load varied gets a little less than the per-poll sum.
  public func joules(seconds: Double, busyCPUSeconds: Double) -> Double {
    guard seconds > 0 else { return 0 }
    return watts(utilisation: busyCPUSeconds / (seconds * Double(max(1, logicalCPUs)))) * seconds
  }

  /// Idle power over full-load power.
  public var idleFraction: Double { maxWatts > 0 ? idleWatts / maxWatts : 0 }

  /// The corner models: each end of the fitted idle-fraction range with each end of the curve's
  /// range (the low curve, then the high one), P_max unchanged. A verdict that holds for all of
  /// them holds whatever the estimate's shape. Just this model when its parameters were given.
  public var extremes: [CPUPowerModel] {
    guard let range = idleFractionRange, let low = curveLow, let high = curveHigh else { return [self] }
    var out: [CPUPowerModel] = []
    for f in [range.lowerBound, range.upperBound] {
      for c in [low, high] {
        var m = self
        m.idleWatts = maxWatts * f
        m.curve = c
        m.origin = "\(origin); extreme: idle \(Self.percent(f)) of P_max, \(c == low ? "low" : "high") curve"
        out.append(m)
      }
    }
    return out
  }

  /// Memory power for a resident size in bytes.
  public func ramWatts(residentBytes: Double) -> Double {
    residentBytes / 1e9 * ramWattsPerGB
  }

  public var description: String {
    "\(label), \(logicalCPUs) CPU\(logicalCPUs == 1 ? "" : "s"), P_idle \(Self.watts(idleWatts)) W, "
      + "P_max \(Self.watts(maxWatts)) W (\(origin)); 80% interval ×\(Self.watts(intervalLow))–\(Self.watts(intervalHigh)); "
      + (scope == .wall ? "memory inside the wall figure" : "RAM \(Self.watts(ramWattsPerGB)) W/GB resident")
  }

  /// The parameters as name/value pairs, for records, CSV and `joule power-model`.
  public var parameters: [(String, String)] {
    var p = [("model", label), ("scope", scope.rawValue), ("cpu_model", cpuModel), ("logical_cpus", String(logicalCPUs)),
             ("p_idle_w", Self.watts(idleWatts)), ("p_max_w", Self.watts(maxWatts)),
             ("idle_fraction", Self.watts(idleFraction)),
             ("curve", curve.points.map { Self.watts($0) }.joined(separator: " ")),
             ("ram_w_per_gb", Self.watts(ramWattsPerGB)),
             ("interval_80", "\(Self.watts(intervalLow))–\(Self.watts(intervalHigh)) × point")]
    if let r = idleFractionRange { p.append(("idle_fraction_range", "\(Self.watts(r.lowerBound))–\(Self.watts(r.upperBound))")) }
    p.append(("origin", origin))
    return p
  }

  static func watts(_ w: Double) -> String {
    let r = (w * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  static func percent(_ f: Double) -> String { "\(Int((f * 100).rounded()))%" }
}
