import Tune
import Foundation

/// Studies persisted in an SQLite file or a PostgreSQL database (schema: docs/study-store.md).
///
///     let store = try StudyStore(path: "studies.sqlite")       // or "postgresql://u:pw@host/db"
///     var study = try store.open(settings)       // creates it, or checks and resumes the stored one
///     let mine = try store.claim("adam") { study in (nextTrial(study), ()) }   // atomic
///     try store.finish(trial, in: "adam")        // only while the trial is still ours
///     try store.list()                           // every study
///
/// Both engines run the same statements and the same rules: the rules live here, the engines
/// only run SQL. Each write is its own transaction, so a killed worker loses at most its trial.
public final class StudyStore {
  public let location: StoreLocation
  /// The location as it may be printed (a URL's password masked).
  public var path: String { location.display }
  let db: any SQLDatabase

  public convenience init(path: String) throws { try self.init(location: StoreLocation(path)) }

  public init(location: StoreLocation) throws {
    self.location = location
    do {
      switch location {
      case .sqlite(let path):
        db = try SQLiteDatabase(path: path, migrator: StoreSchema.sqliteMigrator)
      case .postgres(let url):
        let pg = try PostgresDatabase(url: url)
        try StudyStore.migrate(pg)
        db = pg
      }
    } catch let e as TuneError {
      throw e
    } catch {
      throw TuneError.store("\(location.display): \(error)")
    }
  }

  /// PostgreSQL: the schema version in `joule_schema`, created under an advisory lock so that
  /// eight workers starting at once do not race to create the tables.
  private static func migrate(_ db: PostgresDatabase) throws {
    try db.transaction(exclusive: true) { s in
      // The key is arbitrary but fixed: 0x6a6f756c65 is "joule" in ASCII.
      _ = try s.rows("SELECT pg_advisory_xact_lock(456430038373)", [])
      try s.execute("CREATE TABLE IF NOT EXISTS joule_schema (version INTEGER NOT NULL)", [])
      let found = try s.rows("SELECT max(version) AS v FROM joule_schema", [])
      let version = found.first?.int("v") ?? 0
      guard version < StoreSchema.version else { return }
      for statement in StoreSchema.create(.postgres) { try s.execute(statement, []) }
      try s.execute("DELETE FROM joule_schema", [])
      try s.execute("INSERT INTO joule_schema (version) VALUES (?)", [.integer(StoreSchema.version)])
    }
  }

  func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as TuneError { throw e } catch { throw TuneError.store("\(path): \(error)") }
  }

  /// The stored study of that name with every trial, or nil.
  public func load(_ name: String) throws -> Study? {
    try wrap { try db.transaction(exclusive: false) { try load(name, in: $0) } }
  }

  func load(_ name: String, in s: any SQLSession) throws -> Study? {
    guard let row = try s.rows("SELECT settings_json FROM studies WHERE name = ?", [.text(name)]).first,
          let json = row.string("settings_json") else { return nil }
    let settings = try JSONDecoder().decode(StudySettings.self, from: Data(json.utf8))
    let rows = try s.rows("SELECT * FROM trials WHERE study = ? ORDER BY number", [.text(name)])
    return Study(settings: settings, trials: try rows.map { try StoreSchema.trial(from: $0, space: settings.space) })
  }

  /// Creates the study, or resumes the stored one of the same name after checking it is the same
  /// experiment. Trials whose worker is gone become `stale` (see `reap`). The stored settings take
  /// the new `trials` and `budgetJ`. Safe to call from many workers at once.
  public func open(_ settings: StudySettings, grace: TimeInterval = Liveness.defaultGrace) throws -> Study {
    let json = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
    let space = String(decoding: try JSONEncoder().encode(settings.space), as: UTF8.self)
    let now = StoreSchema.timestamp(Date())
    return try wrap {
      try db.transaction(exclusive: true) { s in
        try s.execute("""
          INSERT INTO studies (name, strategy, direction, metric, seed, space_json, settings_json, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING
          """, [.text(settings.name), .text(settings.strategy.rawValue), .text(settings.direction.rawValue),
                .text(settings.metric), .integer(settings.seed), .text(space), .text(json), .text(now), .text(now)])
        try lock(settings.name, in: s)
        guard let stored = try load(settings.name, in: s) else { throw TuneError.store("study '\(settings.name)' vanished") }
        let conflicts = settings.conflicts(with: stored.settings)
        guard conflicts.isEmpty else {
          throw TuneError.mismatch("study '\(settings.name)' in \(path) was run with a different \(conflicts.joined(separator: ", ")); use another study name")
        }
        try s.execute("UPDATE studies SET settings_json = ?, updated_at = ? WHERE name = ?", [.text(json), .text(now), .text(settings.name)])
        try reap(settings.name, grace: grace, in: s)
        return try load(settings.name, in: s)!
      }
    }
  }

  /// Keeps other workers out of this study until the transaction ends. SQLite's `BEGIN
  /// IMMEDIATE` already holds the file's one write lock; PostgreSQL locks the study's row, so
  /// claims on other studies go on in parallel.
  func lock(_ study: String, in s: any SQLSession) throws {
    if db.dialect == .postgres { _ = try s.rows("SELECT name FROM studies WHERE name = ? FOR UPDATE", [.text(study)]) }
  }

  /// Inserts or replaces one trial in its own transaction (heartbeat: now).
  public func save(_ t: Trial, in study: String) throws {
    try wrap {
      try db.transaction(exclusive: true) { s in
        guard let space = try load(study, in: s)?.settings.space else { throw TuneError.store("no study '\(study)' in \(path)") }
        try insert(t, study: study, space: space, in: s, replace: true)
      }
    }
  }

  func insert(_ t: Trial, study: String, space: SearchSpace, in s: any SQLSession, replace: Bool) throws {
    let names = StoreSchema.trialColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let updates = names.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    let marks = Array(repeating: "?", count: names.count - 1).joined(separator: ", ")
    try s.execute("""
      INSERT INTO trials (\(StoreSchema.trialColumns)) VALUES (\(marks), \(db.dialect.now))
      ON CONFLICT (study, number) DO \(replace ? "UPDATE SET \(updates)" : "NOTHING")
      """, StoreSchema.arguments(t, study: study, space: space))
    try s.execute("UPDATE studies SET updated_at = ? WHERE name = ?", [.text(StoreSchema.timestamp(Date())), .text(study)])
  }

  /// Every stored study, oldest first.
  public func list() throws -> [Study] {
    try wrap {
      try db.transaction(exclusive: false) { s in
        try s.rows("SELECT name FROM studies ORDER BY created_at, name", []).compactMap { row in
          try row.string("name").flatMap { try load($0, in: s) }
        }
      }
    }
  }
}

extension StudyStore: StudyLedger {}
