/// Stops a study whose trials keep failing the same way: a missing program or a typo in a
/// path fails every trial identically, and running the rest of the budget teaches nothing.
///
///     var streak = FailureStreak()
///     streak.record(trial)   // nil, nil, then "3 trials in a row failed: command: program 'pythn' not found"
///
/// Only failed trials with the same error message count; any other outcome starts over.
public struct FailureStreak: Sendable {
  /// Three: one failure can be bad luck (a timeout on a loaded machine), two a coincidence.
  public static let defaultLimit = 3

  public let limit: Int
  private var message: String?
  private var count = 0

  public init(limit: Int = FailureStreak.defaultLimit) {
    self.limit = limit
  }

  /// Counts a finished trial; returns the study's stop reason when the streak is long enough.
  public mutating func record(_ trial: Trial) -> String? {
    guard trial.state == .failed, let error = trial.error else {
      message = nil
      count = 0
      return nil
    }
    count = error == message ? count + 1 : 1
    message = error
    return count >= limit ? "\(count) trials in a row failed: \(error)" : nil
  }
}
