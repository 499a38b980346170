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
  /// What running the objective produced: state, value, metrics, joules, seconds, error.
  public var outcome: TrialOutcome
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
    outcome = TrialOutcome(state: state, value: value, metrics: metrics, energyJ: energyJ, machineEnergyJ: machineEnergyJ,
                           energySource: energySource, energyEstimated: energyEstimated, seconds: seconds, error: error)
    self.worker = worker
    self.startedAt = startedAt
    self.finishedAt = finishedAt
  }

  // The outcome's fields, read and written through the trial: one definition, two doors.
  public var state: TrialState {
    get { outcome.state }
    set { outcome.state = newValue }
  }
  /// The objective's value (the chosen metric), nil when the trial failed without one.
  public var value: Double? {
    get { outcome.value }
    set { outcome.value = newValue }
  }
  public var metrics: [String: Double] {
    get { outcome.metrics }
    set { outcome.metrics = newValue }
  }
  /// The trial's joules: its share of the machine's when trials ran side by side.
  public var energyJ: Double? {
    get { outcome.energyJ }
    set { outcome.energyJ = newValue }
  }
  public var machineEnergyJ: Double? {
    get { outcome.machineEnergyJ }
    set { outcome.machineEnergyJ = newValue }
  }
  public var energySource: String? {
    get { outcome.energySource }
    set { outcome.energySource = newValue }
  }
  public var energyEstimated: Bool? {
    get { outcome.energyEstimated }
    set { outcome.energyEstimated = newValue }
  }
  public var seconds: Double? {
    get { outcome.seconds }
    set { outcome.seconds = newValue }
  }
  public var error: String? {
    get { outcome.error }
    set { outcome.error = newValue }
  }

  /// This process, as stored in `worker`: "host:pid", prefixed by `JOULE_WORKER` when set
  /// ("gpu-node-3@host:pid"), so a scheduler's names show in `joule study`.
  public static var currentWorker: String {
    let me = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    guard let name = ProcessInfo.processInfo.environment["JOULE_WORKER"], !name.isEmpty else { return me }
    return "\(name)@\(me)"
  }
}
