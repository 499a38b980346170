/// The estimate on a calibrated CPU: the machine's busy time read through the curve that
/// `joule calibrate` measured with RAPL on the same CPU model, instead of the TDP table's line.
///
///     let (c, _) = CalibrationFile.lookup(cpuModel: model.cpuModel)
///     let meter = CalibratedEstimateMeter(calibration: c!, model: model)
///     meter.modelDescription   // "...: calibrated (/home/me/.config/joule/calibration.json, 2026-12-06), ..."
///
/// It counts as `EstimateMeter` does (what a package counter would see: the whole machine's busy
/// CPU time per poll, plus the measured process's memory at the model's W/GB), and is labelled
/// estimated like it; only the CPU's watts come from the calibration, scaled to this machine's
/// share of the calibrated one's logical CPUs. When the fitted model (issue 22) takes a
/// `CPUCalibration` itself, this meter gives way to it.
public final class CalibratedEstimateMeter: EnergyMeter {
  public let source = "estimate"
  public let isEstimate = true
  public let calibration: CPUCalibration
  /// The uncalibrated model: its logical CPUs and memory watts are kept.
  public let model: CPUPowerModel
  public var modelDescription: String? { EstimateMeter.coverage + Self.describe(calibration, model: model) }

  private let cpuSeconds: () -> Double
  private let residentBytes: () -> Double
  private var last: (t: Double, cpu: Double)?
  private var cpuJoules = 0.0
  private var ramJoules = 0.0

  public init(calibration: CPUCalibration, model: CPUPowerModel, cpuSeconds: @escaping () -> Double = ProcStat.machineBusySeconds,
              residentBytes: @escaping () -> Double = ProcessUsage.residentBytes, start: Double = MonotonicClock.now()) {
    self.calibration = calibration
    self.model = model
    self.cpuSeconds = cpuSeconds
    self.residentBytes = residentBytes
    _ = sample(at: start)
  }

  public func sample(at time: Double) -> [DomainEnergy] {
    let cpu = cpuSeconds()
    if let last, time > last.t {
      let dt = time - last.t
      let u = (cpu - last.cpu) / (dt * Double(model.logicalCPUs))
      cpuJoules += calibration.watts(utilisation: u, logicalCPUs: model.logicalCPUs) * dt
      ramJoules += model.ramWatts(residentBytes: residentBytes()) * dt
    }
    if last == nil || time > last!.t { last = (time, cpu) }
    return [DomainEnergy(name: "cpu", joules: cpuJoules, category: .cpu),
            DomainEnergy(name: "ram", joules: ramJoules, category: .ram)]
  }

  public func drainNotes() -> [String] { [] }

  /// "calibrated (FILE, DATE), 8 of 8 CPUs, P_idle 14.2 W, P_max 63.8 W, measured curve; RAM 0.375 W/GB resident (CodeCarbon)".
  static func describe(_ c: CPUCalibration, model: CPUPowerModel) -> String {
    let share = model.logicalCPUs < c.logicalCPUs ? "\(model.logicalCPUs) of \(c.logicalCPUs) CPUs" : "\(model.logicalCPUs) CPUs"
    let w = { (x: Double) in CPUPowerModel.watts(x) }
    return "\(c.label), \(share), P_idle \(w(c.idleWatts)) W, P_max \(w(c.maxWatts)) W, curve "
      + c.curve.map { w($0) }.joined(separator: "/") + " at loads 0…1; RAM \(model.ramWattsPerGB) W/GB resident (CodeCarbon)"
  }
}
