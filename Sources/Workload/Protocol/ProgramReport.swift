import Foundation

/// One intermediate value a program reported while running: a `JOULE_REPORT {...}` line.
///
///     JOULE_REPORT {"step": 3, "accuracy": 0.81, "loss": 0.52}
///     // ProgramReport(step: 3, values: ["accuracy": 0.81, "loss": 0.52], json: "{\"step\": 3, ...}")
///
/// `values` holds the numeric fields other than `step` (what pruners compare); `json` keeps the
/// object as written, strings and nesting included, for the record's `reports` list.
public struct ProgramReport: Sendable, Equatable {
  public var step: Int?
  public var values: [String: Double]
  public var json: String
  /// Seconds since the program started when the line arrived.
  public var seconds: Double
  /// The tree's joules so far when the line arrived (the machine's so far × the share so far).
  public var joules: Double?

  public init(step: Int?, values: [String: Double], json: String, seconds: Double, joules: Double? = nil) {
    self.step = step
    self.values = values
    self.json = json
    self.seconds = seconds
    self.joules = joules
  }
}
