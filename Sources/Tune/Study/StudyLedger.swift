import Foundation

/// Where a study's trials are kept between processes: what `StudyRunner` and `Heartbeat` need
/// of a store. The `StudyStore` module (SQLite or PostgreSQL) provides it; Tune knows no SQL.
///
///     let runner = StudyRunner(settings: s, store: try StudyStore(path: "studies.sqlite"))
///
/// `claim` decides and records the next trial in one exclusive transaction (so every trial
/// number and suggestion is handed out once); `finish` records a trial only while it is still
/// the named worker's running trial; `heartbeat` keeps it alive.
public protocol StudyLedger: AnyObject {
  /// Creates the study, or opens it after checking its settings match (a mismatch throws).
  func open(_ settings: StudySettings, grace: TimeInterval) throws -> Study
  func load(_ name: String) throws -> Study?
  func claim<R>(_ study: String, grace: TimeInterval, decide: (Study) throws -> (Trial?, R)) throws -> R
  @discardableResult
  func heartbeat(_ study: String, number: Int, worker: String) throws -> Bool
  @discardableResult
  func finish(_ t: Trial, in study: String) throws -> Bool
}
