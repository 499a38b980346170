/// The estimate's model with a calibration of this CPU model in place of the fitted table.
///
///     let (cal, _) = CalibrationFile.lookup(cpuModel: model.cpuModel, environment: env)
///     let m = model.calibrated(by: cal!)   // m.label == "calibrated", package scope
///
/// P_idle, P_max and the curve are the ones `joule calibrate` measured with RAPL, scaled to this
/// machine's share of the calibrated CPUs (a VM of the same CPU gets its vCPUs' share). The 80%
/// interval stays the fitted model's: a calibration is one machine's sweep, and nothing here has
/// measured how far other machines of that CPU model stray from it. A calibration is a package
/// reading, so it applies in the package scope only.
extension CPUPowerModel {
  public func calibrated(by c: CPUCalibration) -> CPUPowerModel {
    let share = c.logicalCPUs > 0 ? min(1, Double(logicalCPUs) / Double(c.logicalCPUs)) : 1
    let curve = c.curve.count == 11 ? LoadCurve(c.curve) : LoadCurve(CPUCalibration.loads.map { c.shape($0) })
    var m = CPUPowerModel(cpuModel: cpuModel, logicalCPUs: logicalCPUs, idleWatts: c.idleWatts * share,
                          maxWatts: c.maxWatts * share,
                          origin: c.label + (share < 1 ? ", \(logicalCPUs) of \(c.logicalCPUs) CPUs" : ""),
                          scope: .package, curve: curve, ramWattsPerGB: ramWattsPerGB,
                          interval: (intervalLow, intervalHigh), label: "calibrated")
    m.idleFractionRange = nil
    return m
  }
}
