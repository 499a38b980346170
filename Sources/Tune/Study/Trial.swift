import Foundation

/// One evaluation of the objective at one point: a row of the `trials` table.
///
///     trial.number        // 1-based, unique in the study
///     trial.suggestion    // 0-based sampler index; a re-run keeps its interrupted twin's index
///     trial.params        // aligned with the space's names
public struct Trial: Codable, Sendable {
  public var number: Int
  public var suggestion: Int
  public var params: [ParameterValue]
  public var state: TrialState
  /// The objective's value (the chosen metric), nil when the trial failed without one.
  public var value: Double?
  /// Every numeric field the objective returned (accuracy, loss, ...).
  public var metrics: [String: Double]
  /// The trial's joules: its share of the machine's when trials ran side by side.
  public var energyJ: Double?
  /// The whole machine's joules over the trial's window (nil when not measured apart).
  public var machineEnergyJ: Double?
  /// Where the joules came from, e.g. "rapl", "estimate(linear-tdp)", "rapl × cpu-share".
  public var energySource: String?
  public var energyEstimated: Bool?
  public var seconds: Double?
  public var error: String?
  /// "host:pid" of the process that ran it, or "name@host:pid" with `JOULE_WORKER=name`.
  public var worker: String?
  public var startedAt: Date
  public var finishedAt: Date?

  public init(number: Int, suggestion: Int, params: [ParameterValue], state: TrialState = .running,
              value: Double? = nil, metrics: [String: Double] = [:], energyJ: Double? = nil,
              machineEnergyJ: Double? = nil, energySource: String? = nil, energyEstimated: Bool? = nil, seconds: Double? = nil,
              error: String? = nil, worker: String? = nil, startedAt: Date = Date(), finishedAt: Date? = nil) {
    self.number = number
    self.suggestion = suggestion
    self.params = params
    self.state = state
    self.value = value
    self.metrics = metrics
    self.energyJ = energyJ
    self.machineEnergyJ = machineEnergyJ
    self.energySource = energySource
    self.energyEstimated = energyEstimated
    self.seconds = seconds
    self.error = error
    self.worker = worker
    self.startedAt = startedAt
    self.finishedAt = finishedAt
  }

  /// This process, as stored in `worker`: "host:pid", prefixed by `JOULE_WORKER` when set
  /// ("gpu-node-3@host:pid"), so a scheduler's names show in `joule study`.
  public static var currentWorker: String {
    let me = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    guard let name = ProcessInfo.processInfo.environment["JOULE_WORKER"], !name.isEmpty else { return me }
    return "\(name)@\(me)"
  }
}
