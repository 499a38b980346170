/// One thing a study optimises: a metric of the objective's record and which way is better.
///
///     Objective(metric: "energy_j", direction: .minimize)
public struct Objective: Codable, Sendable, Equatable {
  public var metric: String
  public var direction: Direction

  public init(metric: String, direction: Direction) {
    self.metric = metric
    self.direction = direction
  }
}
