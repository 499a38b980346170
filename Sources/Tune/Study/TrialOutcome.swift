/// What running the objective once produced, as the study runner records it.
///
///     TrialOutcome(state: .complete, value: 0.87, metrics: ["accuracy": 0.87], energyJ: 1170, seconds: 41)
///     TrialOutcome(state: .failed, error: "train: out of memory")
public struct TrialOutcome: Codable, Sendable {
  public var state: TrialState
  public var value: Double?
  public var metrics: [String: Double]
  public var energyJ: Double?
  /// The whole machine's joules over the window, when `energyJ` is an attributed share of them.
  public var machineEnergyJ: Double?
  public var energySource: String?
  public var energyEstimated: Bool?
  public var seconds: Double?
  public var error: String?

  public init(state: TrialState, value: Double? = nil, metrics: [String: Double] = [:], energyJ: Double? = nil,
              machineEnergyJ: Double? = nil, energySource: String? = nil, energyEstimated: Bool? = nil, seconds: Double? = nil, error: String? = nil) {
    self.state = state
    self.value = value
    self.metrics = metrics
    self.energyJ = energyJ
    self.machineEnergyJ = machineEnergyJ
    self.energySource = energySource
    self.energyEstimated = energyEstimated
    self.seconds = seconds
    self.error = error
  }
}
