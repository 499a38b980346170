import Script
import Tune

/// The errors a `tune` or `experiment` objective raised, kept so that a study stopped by a
/// streak of failures fails the cell that ran it, with the first error of the streak and its
/// place in the user's code, instead of returning a short table that the next cell trips on.
///
///     let failures = ObjectiveFailures(function: "experiment")
///     failures.record(e)                          // for each objective error
///     try failures.raiseIfStopped(study)          // after the run
///
/// A trial's stored error carries its position too (`text(of:)`), so `s.trials` and a
/// resumed study say where each failure happened.
final class ObjectiveFailures {
  let function: String
  /// The first error of the current run of identical errors.
  private(set) var first: ScriptError?

  init(function: String) {
    self.function = function
  }

  /// The error as a trial stores it: "sweep.joule:4:12: cannot add record and record".
  static func text(of error: ScriptError) -> String {
    error.position.map { "\($0): \(error.message)" } ?? error.message
  }

  func record(_ error: ScriptError) {
    guard error.kind != .interrupted else { return }
    // A different error starts a new streak (the study's FailureStreak counts the same way).
    if let f = first, ObjectiveFailures.text(of: f) == ObjectiveFailures.text(of: error) { return }
    first = error
  }

  /// Throws when `study` stopped because its trials kept failing: the first error of the
  /// streak, at its position, under a message that says what stopped.
  func raiseIfStopped(_ study: Study) throws {
    guard let reason = study.stopReason, let streak = ObjectiveFailures.streak(reason) else { return }
    guard var e = first else {
      // Workers in other processes failed: only their stored text came back.
      throw ScriptError.runtime("\(function) stopped: \(reason)")
    }
    e.message = "\(function) stopped after \(streak): \(e.message)"
    e.kind = .runtime
    throw e
  }

  /// "3 trials in a row failed" from FailureStreak's stop reason, or nil for another reason.
  static func streak(_ reason: String) -> String? {
    guard let r = reason.range(of: " in a row failed") else { return nil }
    return String(reason[..<r.upperBound])
  }
}
