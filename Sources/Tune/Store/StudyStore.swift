import Foundation
import GRDB

/// Studies persisted in an SQLite file (schema: docs/study-store.md).
///
///     let store = try StudyStore(path: "studies.sqlite")
///     var study = try store.open(settings)        // creates it, or resumes the stored one
///     try store.save(trial, in: study.name)       // one transaction per trial: committed at once
///     try store.list()                            // summaries of every study
///
/// The file is in WAL mode, so readers (plots, a distributed runner) never block the writer.
public final class StudyStore {
  public let path: String
  private let db: DatabasePool

  public init(path: String) throws {
    self.path = path
    do {
      var config = Configuration()
      config.busyMode = .timeout(10)
      db = try DatabasePool(path: path, configuration: config)
      try StudyStore.migrator.migrate(db)
    } catch {
      throw TuneError.store("\(path): \(error)")
    }
  }

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(sql: StoreSchema.v1)
    }
    return m
  }

  private func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as TuneError { throw e } catch { throw TuneError.store("\(path): \(error)") }
  }

  /// The stored study of that name with every trial, or nil.
  public func load(_ name: String) throws -> Study? {
    try wrap {
      try db.read { db in
        guard let row = try Row.fetchOne(db, sql: "SELECT settings_json FROM studies WHERE name = ?", arguments: [name]) else {
          return nil
        }
        let settings = try JSONDecoder().decode(StudySettings.self, from: Data((row["settings_json"] as String).utf8))
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM trials WHERE study = ? ORDER BY number", arguments: [name])
        return Study(settings: settings, trials: try rows.map { try StoreSchema.trial(from: $0, space: settings.space) })
      }
    }
  }

  /// Creates the study, or resumes the stored one of the same name after checking it is the same
  /// experiment. Trials left "running" by a process that no longer exists become "interrupted".
  /// The stored settings take the new `trials` and `budgetJ`.
  public func open(_ settings: StudySettings) throws -> Study {
    if var study = try load(settings.name) {
      let conflicts = settings.conflicts(with: study.settings)
      guard conflicts.isEmpty else {
        throw TuneError.mismatch("study '\(settings.name)' in \(path) was run with a different \(conflicts.joined(separator: ", ")); use another study name")
      }
      study.settings = settings
      for i in study.trials.indices where study.trials[i].state == .running && !StudyStore.isAlive(study.trials[i].worker) {
        study.trials[i].state = .interrupted
        study.trials[i].error = "process ended while the trial was running"
        try save(study.trials[i], in: settings.name)
      }
      try writeSettings(settings, creating: false)
      return study
    }
    try writeSettings(settings, creating: true)
    return Study(settings: settings)
  }

  private func writeSettings(_ s: StudySettings, creating: Bool) throws {
    let json = String(decoding: try JSONEncoder().encode(s), as: UTF8.self)
    let space = String(decoding: try JSONEncoder().encode(s.space), as: UTF8.self)
    let now = StoreSchema.timestamp(Date())
    try wrap {
      try db.write { db in
        if creating {
          try db.execute(sql: """
            INSERT INTO studies (name, strategy, direction, metric, seed, space_json, settings_json, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [s.name, s.strategy.rawValue, s.direction.rawValue, s.metric, s.seed, space, json, now, now])
        } else {
          try db.execute(sql: "UPDATE studies SET settings_json = ?, updated_at = ? WHERE name = ?", arguments: [json, now, s.name])
        }
      }
    }
  }

  /// Inserts or updates one trial in its own transaction.
  public func save(_ t: Trial, in study: String) throws {
    let space = try load(settingsOf: study)
    try wrap {
      try db.write { db in
        try db.execute(sql: """
          INSERT OR REPLACE INTO trials (study, number, suggestion, params_json, state, value, metrics_json,
            energy_j, energy_source, energy_estimated, seconds, error, worker, started_at, finished_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: StoreSchema.arguments(t, study: study, space: space))
        try db.execute(sql: "UPDATE studies SET updated_at = ? WHERE name = ?", arguments: [StoreSchema.timestamp(Date()), study])
      }
    }
  }

  private var spaces: [String: SearchSpace] = [:]
  private func load(settingsOf study: String) throws -> SearchSpace {
    if let s = spaces[study] { return s }
    guard let s = try load(study)?.settings.space else { throw TuneError.store("no study '\(study)' in \(path)") }
    spaces[study] = s
    return s
  }

  /// One line per stored study, oldest first.
  public func list() throws -> [Study] {
    let names: [String] = try wrap {
      try db.read { db in try String.fetchAll(db, sql: "SELECT name FROM studies ORDER BY created_at, name") }
    }
    return try names.compactMap { try load($0) }
  }

  /// True when `worker` ("host:pid") is another live process on this host.
  static func isAlive(_ worker: String?) -> Bool {
    guard let worker, let colon = worker.lastIndex(of: ":"), let pid = Int32(worker[worker.index(after: colon)...]) else {
      return false
    }
    let host = String(worker[..<colon])
    guard host == ProcessInfo.processInfo.hostName, pid != ProcessInfo.processInfo.processIdentifier else { return false }
    return kill(pid, 0) == 0
  }
}
