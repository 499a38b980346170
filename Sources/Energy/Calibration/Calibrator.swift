import Foundation

/// `joule calibrate`'s work: find the RAPL package counter, sweep the load, fit the curve.
///
///     let c = try Calibrator(secondsPerPhase: 5).run()
///     try CalibrationFile.save(c, to: CalibrationFile.path())
///
/// Needs a readable RAPL package zone (the counter is the reference the estimate is fitted
/// to); without one it throws `CalibrationError.noCounter` with the sentence `meters()` shows,
/// the unreadable-counter fix included. DRAM is read by RAPL but left out: the estimate models
/// memory separately.
public struct Calibrator {
  public var secondsPerPhase: Double
  public var environment: [String: String] = ProcessInfo.processInfo.environment
  public var reader: PowercapReader = FileSystemPowercapReader()
  public var cpuinfo: String? = try? FileSystemPowercapReader().contents(of: "/proc/cpuinfo")
  public var logicalCPUs = ProcStat.onlineCPUs()
  /// nil: `DutyCycleLoad` over `logicalCPUs` threads.
  public var generator: LoadGenerator?
  public var clock: () -> Double = MonotonicClock.now
  public var busyCPUSeconds: () -> Double = ProcStat.machineBusySeconds
  public var shouldStop: () -> Bool = { false }
  public var progress: (Int, Int, SweepPoint) -> Void = { _, _, _ in }

  public init(secondsPerPhase: Double) { self.secondsPerPhase = secondsPerPhase }

  /// The CPU model the calibration will be keyed by.
  public var cpuModel: String { cpuinfo.flatMap(CPUPowerModel.modelName) ?? "unknown CPU" }

  public func run() throws -> CPUCalibration {
    let root = environment["JOULE_POWERCAP_ROOT"] ?? "/sys/class/powercap"
    let found = RAPLDiscovery.discover(root: root, reader: reader)
    let packages = found.zones.filter { $0.kernelName.hasPrefix("package") }
    guard !packages.isEmpty else {
      throw CalibrationError.noCounter(found.zones.isEmpty ? found.status.why : "RAPL has no package zone here (only "
        + found.zones.map(\.domain).joined(separator: ", ") + ")")
    }
    let meter = RAPLMeter(zones: packages, reader: reader)
    let clock = self.clock
    let packageJoules = { meter.sample(at: clock()).filter(\.counted).reduce(0) { $0 + $1.joules } }
    var sweep = LoadSweep(secondsPerPhase: secondsPerPhase,
                          generator: generator ?? DutyCycleLoad(threads: logicalCPUs),
                          logicalCPUs: logicalCPUs, packageJoules: packageJoules, busyCPUSeconds: busyCPUSeconds)
    sweep.clock = clock
    sweep.shouldStop = shouldStop
    sweep.progress = progress
    let points = try sweep.run()
    let dropped = meter.drainNotes()
    guard dropped.isEmpty else { throw CalibrationError.fit("the counter failed during the sweep: " + dropped.joined(separator: "; ")) }
    return try CalibrationFit.fit(points, cpuModel: cpuModel, logicalCPUs: logicalCPUs)
  }
}
