import Foundation

/// One row of an energy ledger: a measured (or estimated) piece of work and its emissions.
///
///     var e = LedgerEntry(reading: r, projectName: "cnn-sweep")
///     e.country = try GridIntensity.country("NLD")   // intensity 267.622 g/kWh, country columns filled
///     EnergyLedger.csv([e])
public struct LedgerEntry {
  /// Unix seconds when the work finished.
  public var timestamp: Double
  public var projectName: String
  /// A UUID per run, as CodeCarbon writes it (lower-case, hyphenated).
  public var runID: String
  /// A UUID shared by the runs of one experiment; by default one per joule process.
  public var experimentID: String
  public var seconds: Double
  public var joules: Double
  public var cpuJoules: Double
  public var gpuJoules: Double
  public var ramJoules: Double
  /// GPUs measured (NVML devices in the reading); nil when no GPU was measured.
  public var gpuCount: Int?
  public var source: String
  public var estimated: Bool
  /// The estimate's model and parameters; empty when measured.
  public var model: String
  /// g CO2e per kWh.
  public var intensity: Double
  /// The grid the intensity came from; nil for the world average (country columns stay empty).
  public var country: GridIntensity? {
    didSet { if let country { intensity = country.gramsPerKWh } }
  }
  /// CodeCarbon's tracking_mode: "process" when the joules are a process tree's share of the
  /// machine's (cpu-share attribution), "machine" when they are the whole machine's (RAPL,
  /// NVML and the estimate, which models the machine's busy CPU time).
  public var trackingMode: String
  /// The machine's description columns (os, cpu_count, cpu_model, ram_total_size).
  public var machine: MachineFacts
  /// What the joules cover: RAPL's packages or the server at the plug.
  public var scope: EnergyScope = .package
  /// An estimate's 80% interval, joules; nil when measured.
  public var interval: (low: Double, high: Double)?

  /// A fresh run id: a random (version 4) UUID.
  public static func newRunID() -> String { UUID().uuidString.lowercased() }

  /// The experiment id of every entry this process writes unless told otherwise.
  public static let processExperimentID = newRunID()

  public init(timestamp: Double, projectName: String, runID: String = newRunID(),
              experimentID: String = processExperimentID, seconds: Double, joules: Double,
              cpuJoules: Double = 0, gpuJoules: Double = 0, ramJoules: Double = 0, gpuCount: Int? = nil,
              source: String, estimated: Bool, model: String = "",
              intensity: Double = Carbon.worldAverageIntensity, country: GridIntensity? = nil,
              trackingMode: String? = nil, machine: MachineFacts = .current) {
    self.timestamp = timestamp
    self.projectName = projectName
    self.runID = runID
    self.experimentID = experimentID
    self.seconds = seconds
    self.joules = joules
    self.cpuJoules = cpuJoules
    self.gpuJoules = gpuJoules
    self.ramJoules = ramJoules
    self.gpuCount = gpuCount
    self.source = source
    self.estimated = estimated
    self.model = model
    self.intensity = country?.gramsPerKWh ?? intensity
    self.country = country
    self.trackingMode = trackingMode ?? Self.trackingMode(source: source)
    self.machine = machine
  }

  public init(reading r: EnergyReading, projectName: String, runID: String = newRunID(),
              country: GridIntensity? = nil) {
    let gpus = r.byDomain.filter { $0.source.hasPrefix("nvml") }.flatMap(\.domains).filter(\.counted).count
    self.init(timestamp: r.endedAt, projectName: projectName, runID: runID, seconds: r.seconds, joules: r.joules,
              cpuJoules: r.joules(of: .cpu), gpuJoules: r.joules(of: .gpu), ramJoules: r.joules(of: .ram),
              gpuCount: gpus > 0 ? gpus : nil, source: r.source, estimated: r.estimated, model: r.model ?? "",
              country: country)
    scope = r.scope
    interval = r.interval.map { ($0.low, $0.high) }
  }

  /// "process" for joules shared out by CPU time (a source naming `CPUShare.method`), else
  /// "machine": RAPL and NVML count the whole package and device, and the estimate models the
  /// whole machine's busy CPU time.
  public static func trackingMode(source: String) -> String {
    source.contains(CPUShare.method) ? "process" : "machine"
  }
}
