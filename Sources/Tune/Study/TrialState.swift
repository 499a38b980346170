/// Where a trial stands. Stored as its raw value in the `trials.state` column.
///
///     TrialState.complete.isFinished     // true: counts toward `trials:`
///     TrialState.interrupted.isFinished  // false: re-run when the study resumes
public enum TrialState: String, Codable, CaseIterable, Sendable {
  /// Started, not yet finished (or the process died: resuming marks it interrupted).
  case running
  /// The objective returned a value.
  case complete
  /// The objective raised an error.
  case failed
  /// Training diverged (a non-finite loss); a value may still be recorded.
  case diverged
  /// Stopped early by the study's pruner; keeps its intermediate values and joules.
  case pruned
  /// Stopped by Ctrl-C; its suggestion is run again by the next free worker.
  case interrupted
  /// Its worker vanished: no heartbeat for the grace period, or its process ended on this
  /// host without saying so. Its suggestion is run again by the next free worker.
  case stale

  public var isFinished: Bool { self == .complete || self == .failed || self == .diverged || self == .pruned }

  /// Ended without a result: the suggestion is handed out again.
  public var isRequeued: Bool { self == .interrupted || self == .stale }
}
