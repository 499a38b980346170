import Tune
import Foundation
import GRDB

/// An SQLite file through GRDB: WAL mode, so readers never block the one writer, and a busy
/// timeout, so workers on one machine queue for the write lock instead of failing.
///
///     let db = try SQLiteDatabase(path: "studies.sqlite", migrator: StoreSchema.sqliteMigrator)
final class SQLiteDatabase: SQLDatabase {
  let location: String
  let dialect = SQLDialect.sqlite
  private let pool: DatabasePool

  /// How long a writer waits for another worker's transaction. A claim holds the lock while
  /// the sampler proposes (a Bayes suggestion is well under a second), so a minute is ample.
  static let busyTimeout: TimeInterval = 60

  init(path: String, migrator: DatabaseMigrator) throws {
    location = path
    var config = Configuration()
    config.busyMode = .timeout(SQLiteDatabase.busyTimeout)
    // In WAL mode NORMAL is safe from corruption and survives a killed process; only a power
    // loss can drop the last commits (SQLite's own advice for WAL). FULL costs an fsync per
    // claim, heartbeat and result.
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    pool = try SQLiteDatabase.open(path, config, migrator)
  }

  /// Opens the file in WAL mode and brings its schema up to date. Workers started together on
  /// a new store race for both: the loser of the switch to WAL gets "database is locked" at
  /// once (SQLite does not wait on that lock), and a migrator that read the schema before the
  /// winner committed repeats a migration the winner recorded. Both pass: open again after a
  /// short random pause and the store is found ready. A lasting fault still ends the wait.
  private static func open(_ path: String, _ config: Configuration, _ migrator: DatabaseMigrator) throws -> DatabasePool {
    var attempt = 0
    while true {
      do {
        let pool = try DatabasePool(path: path, configuration: config)
        try migrator.migrate(pool)
        return pool
      } catch let error as DatabaseError where attempt < openAttempts && racing(error) {
        attempt += 1
        usleep(useconds_t.random(in: 10_000...60_000))
      }
    }
  }

  /// About three seconds of retries: far longer than two workers' migrations take.
  static let openAttempts = 80

  private static func racing(_ error: DatabaseError) -> Bool {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return true
    // A migration the other worker recorded (its row in grdb_migrations, or a table it made).
    case .SQLITE_CONSTRAINT, .SQLITE_ERROR: return true
    default: return false
    }
  }

  func transaction<T>(exclusive: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
    var result: T?
    try pool.writeWithoutTransaction { db in
      try db.inTransaction(exclusive ? .immediate : .deferred) {
        result = try body(Session(db: db))
        return .commit
      }
    }
    return result!
  }

  private struct Session: SQLSession {
    let db: Database

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
      try db.execute(sql: sql, arguments: StatementArguments(arguments.map(Session.bind)))
      return db.changesCount
    }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
      try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(Session.bind))).map { row in
        var columns: [String: SQLValue] = [:]
        for (name, value) in row {
          switch value.storage {
          case .null: columns[name] = .null
          case .int64(let i): columns[name] = .integer(Int(i))
          case .double(let d): columns[name] = .real(d)
          case .string(let s): columns[name] = .text(s)
          case .blob(let b): columns[name] = .text(String(decoding: b, as: UTF8.self))
          }
        }
        return SQLRow(columns: columns)
      }
    }

    static func bind(_ v: SQLValue) -> (any DatabaseValueConvertible)? {
      switch v {
      case .null: return nil
      case .integer(let i): return i
      case .real(let d): return d
      case .text(let s): return s
      }
    }
  }
}
