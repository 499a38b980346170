import Tune
import Foundation
import GRDB

/// The SQL schema of the study store and the mapping of trials to rows (docs/study-store.md).
///
///     StoreSchema.create(.postgres)     // the statements that make an empty PostgreSQL store
///     StoreSchema.sqliteMigrator        // v1 (joule 0.1), then v2
///
/// Version 2 adds `machine_energy_j` and `heartbeat_at` to `trials` and drops the CHECK on
/// `state`: trial states are the domain's to decide (`TrialState`), so a new state is a new
/// raw value, not a schema change.
enum StoreSchema {
  /// The schema version this joule writes.
  static let version = 2

  static func studiesTable(_ d: SQLDialect) -> String {
    """
    CREATE TABLE IF NOT EXISTS studies (
      name          TEXT PRIMARY KEY,
      strategy      TEXT NOT NULL,
      direction     TEXT NOT NULL,
      metric        TEXT NOT NULL,
      seed          \(d.integer) NOT NULL,
      space_json    TEXT NOT NULL,
      settings_json TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    )
    """
  }

  static func trialsTable(_ d: SQLDialect, name: String = "trials") -> String {
    """
    CREATE TABLE IF NOT EXISTS \(name) (
      study            TEXT NOT NULL REFERENCES studies(name) ON DELETE CASCADE,
      number           \(d.integer) NOT NULL,
      suggestion       \(d.integer) NOT NULL,
      params_json      TEXT NOT NULL,
      state            TEXT NOT NULL,
      value            \(d.double),
      metrics_json     TEXT NOT NULL DEFAULT '{}',
      energy_j         \(d.double),
      machine_energy_j \(d.double),
      energy_source    TEXT,
      energy_estimated \(d.integer),
      seconds          \(d.double),
      error            TEXT,
      worker           TEXT,
      started_at       TEXT NOT NULL,
      finished_at      TEXT,
      heartbeat_at     \(d.double),
      PRIMARY KEY (study, number)
    )
    """
  }

  static let index = "CREATE INDEX IF NOT EXISTS trials_by_state ON trials(study, state)"

  /// Every statement that creates the current schema in an empty database.
  static func create(_ d: SQLDialect) -> [String] { [studiesTable(d), trialsTable(d), index] }

  /// The columns of v1's `trials`, which v2 keeps with the same meaning.
  static let v1Columns = "study, number, suggestion, params_json, state, value, metrics_json, energy_j, energy_source, "
    + "energy_estimated, seconds, error, worker, started_at, finished_at"

  /// joule 0.1's schema, kept verbatim: GRDB replays it on a new file before v2.
  static let v1 = """
    CREATE TABLE studies (
      name          TEXT PRIMARY KEY,
      strategy      TEXT NOT NULL,
      direction     TEXT NOT NULL,
      metric        TEXT NOT NULL,
      seed          INTEGER NOT NULL,
      space_json    TEXT NOT NULL,
      settings_json TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    );
    CREATE TABLE trials (
      study            TEXT NOT NULL REFERENCES studies(name) ON DELETE CASCADE,
      number           INTEGER NOT NULL,
      suggestion       INTEGER NOT NULL,
      params_json      TEXT NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'diverged', 'interrupted')),
      value            REAL,
      metrics_json     TEXT NOT NULL DEFAULT '{}',
      energy_j         REAL,
      energy_source    TEXT,
      energy_estimated INTEGER,
      seconds          REAL,
      error            TEXT,
      worker           TEXT,
      started_at       TEXT NOT NULL,
      finished_at      TEXT,
      PRIMARY KEY (study, number)
    );
    CREATE INDEX trials_by_state ON trials(study, state);
    """

  /// SQLite stores, as GRDB migrations recorded in `grdb_migrations`.
  static var sqliteMigrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in try db.execute(sql: v1) }
    m.registerMigration("v2") { db in
      // v1 has the CHECK on state and lacks the two columns: rebuild the table, since SQLite
      // cannot drop a constraint.
      try db.execute(sql: trialsTable(.sqlite, name: "trials_v2"))
      try db.execute(sql: "INSERT INTO trials_v2 (\(v1Columns)) SELECT \(v1Columns) FROM trials")
      try db.execute(sql: "DROP TABLE trials")
      try db.execute(sql: "ALTER TABLE trials_v2 RENAME TO trials")
      try db.execute(sql: index)
    }
    return m
  }

  static let trialColumns = v1Columns + ", machine_energy_j, heartbeat_at"

  /// One formatter for every row: making an ISO8601DateFormatter costs about a millisecond, and
  /// a claim reads every trial of the study (two dates each). Foundation's formatters are not
  /// documented thread-safe on Linux, hence the lock (the heartbeat thread writes too).
  private static let formatter: ISO8601DateFormatter = {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f
  }()
  private static let formatterLock = NSLock()

  static func timestamp(_ d: Date) -> String {
    formatterLock.lock()
    defer { formatterLock.unlock() }
    return formatter.string(from: d)
  }

  static func date(_ s: String?) -> Date? {
    guard let s else { return nil }
    if let d = fastDate(s) { return d }
    formatterLock.lock()
    defer { formatterLock.unlock() }
    return formatter.date(from: s)
  }

  /// "2026-01-01T12:34:56.789Z", the shape `timestamp` writes, without ICU: a claim reads every
  /// trial's dates, and the formatter's parse was half of a claim's CPU time (perf).
  static func fastDate(_ s: String) -> Date? {
    let b = Array(s.utf8)
    guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b.last == 90 else { return nil }
    func int(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r { guard (48...57).contains(b[i]) else { return nil }; v = v * 10 + Int(b[i] - 48) }
      return v
    }
    guard let year = int(0..<4), let month = int(5..<7), let day = int(8..<10), let hour = int(11..<13),
          let minute = int(14..<16), let second = int(17..<19) else { return nil }
    var fraction = 0.0
    if b[19] == 46 {
      guard let f = int(20..<(b.count - 1)) else { return nil }
      fraction = Double(f) / pow(10, Double(b.count - 21))
    } else if b.count != 20 {
      return nil
    }
    var t = tm()
    t.tm_year = Int32(year - 1900)
    t.tm_mon = Int32(month - 1)
    t.tm_mday = Int32(day)
    t.tm_hour = Int32(hour)
    t.tm_min = Int32(minute)
    t.tm_sec = Int32(second)
    return Date(timeIntervalSince1970: Double(timegm(&t)) + fraction)
  }

  /// Params as a JSON object in dimension order: {"lr": 0.001, "batch": 64}.
  static func paramsJSON(_ params: [ParameterValue], space: SearchSpace) -> String {
    let enc = JSONEncoder()
    let parts = zip(space.names, params).map { name, v -> String in
      let key = String(decoding: (try? enc.encode(name)) ?? Data("\"?\"".utf8), as: UTF8.self)
      let val = String(decoding: (try? enc.encode(v)) ?? Data("null".utf8), as: UTF8.self)
      return "\(key): \(val)"
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func metricsJSON(_ m: [String: Double]) -> String {
    let finite = m.filter { $0.value.isFinite }
    let enc = JSONEncoder()
    enc.outputFormatting = .sortedKeys
    return String(decoding: (try? enc.encode(finite)) ?? Data("{}".utf8), as: UTF8.self)
  }

  /// The values of `trialColumns` for a trial, heartbeat last (nil: leave it to the caller).
  static func arguments(_ t: Trial, study: String, space: SearchSpace) -> [SQLValue] {
    [.text(study), .integer(t.number), .integer(t.suggestion), .text(paramsJSON(t.params, space: space)),
     .text(t.state.rawValue), SQLValue(t.value), .text(metricsJSON(t.metrics)), SQLValue(t.energyJ),
     SQLValue(t.energySource), SQLValue(t.energyEstimated.map { $0 ? 1 : 0 }), SQLValue(t.seconds),
     SQLValue(t.error), SQLValue(t.worker), .text(timestamp(t.startedAt)), SQLValue(t.finishedAt.map(timestamp)),
     SQLValue(t.machineEnergyJ)]
  }

  /// Shared: a claim decodes every trial of the study, and a decoder is costly to make.
  private static let decoder = JSONDecoder()

  static func trial(from row: SQLRow, space: SearchSpace) throws -> Trial {
    let paramsText = row.string("params_json") ?? "{}"
    let raw = try decoder.decode([String: ParameterValue].self, from: Data(paramsText.utf8))
    // JSON has one number type: give each value back the type its dimension produces.
    let params = try space.point(from: raw).enumerated().map { space.dimensions[$0.offset].coerce($0.element) }
    let metricsText = row.string("metrics_json") ?? "{}"
    let metrics = (try? decoder.decode([String: Double].self, from: Data(metricsText.utf8))) ?? [:]
    let stateText = row.string("state") ?? ""
    guard let state = TrialState(rawValue: stateText) else { throw TuneError.store("unknown trial state '\(stateText)'") }
    return Trial(number: row.int("number") ?? 0, suggestion: row.int("suggestion") ?? 0, params: params, state: state,
                 value: row.double("value"), metrics: metrics, energyJ: row.double("energy_j"),
                 machineEnergyJ: row.double("machine_energy_j"), energySource: row.string("energy_source"),
                 energyEstimated: row.int("energy_estimated").map { $0 != 0 }, seconds: row.double("seconds"),
                 error: row.string("error"), worker: row.string("worker"),
                 startedAt: date(row.string("started_at")) ?? Date(), finishedAt: date(row.string("finished_at")))
  }
}
