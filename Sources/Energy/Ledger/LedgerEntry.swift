/// One row of an energy ledger: a measured (or estimated) piece of work and its emissions.
///
///     let e = LedgerEntry(reading: r, projectName: "cnn-sweep", runID: "trial-3")
///     EnergyLedger.csv([e])
public struct LedgerEntry {
  /// Unix seconds when the work finished.
  public var timestamp: Double
  public var projectName: String
  public var runID: String
  public var seconds: Double
  public var joules: Double
  public var cpuJoules: Double
  public var gpuJoules: Double
  public var ramJoules: Double
  public var source: String
  public var estimated: Bool
  /// The estimate's model and parameters; empty when measured.
  public var model: String
  /// g CO2e per kWh.
  public var intensity: Double

  public init(timestamp: Double, projectName: String, runID: String, seconds: Double, joules: Double,
              cpuJoules: Double = 0, gpuJoules: Double = 0, ramJoules: Double = 0, source: String,
              estimated: Bool, model: String = "", intensity: Double = Carbon.worldAverageIntensity) {
    self.timestamp = timestamp
    self.projectName = projectName
    self.runID = runID
    self.seconds = seconds
    self.joules = joules
    self.cpuJoules = cpuJoules
    self.gpuJoules = gpuJoules
    self.ramJoules = ramJoules
    self.source = source
    self.estimated = estimated
    self.model = model
    self.intensity = intensity
  }

  public init(reading r: EnergyReading, projectName: String, runID: String,
              intensity: Double = Carbon.worldAverageIntensity) {
    self.init(timestamp: r.endedAt, projectName: projectName, runID: runID, seconds: r.seconds, joules: r.joules,
              cpuJoules: r.joules(of: .cpu), gpuJoules: r.joules(of: .gpu), ramJoules: r.joules(of: .ram),
              source: r.source, estimated: r.estimated, model: r.model ?? "", intensity: intensity)
  }
}
