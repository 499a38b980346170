import Tune
import CLibPQ
import Foundation

/// A PostgreSQL database through libpq: one synchronous connection, used by one thread at a
/// time (the trial's heartbeat thread and the runner share it under a lock).
///
///     let db = try PostgresDatabase(url: "postgresql://joule@127.0.0.1:5432/studies")
///
/// Why libpq and not a Swift client: it is the reference client, synchronous like the rest of
/// joule, a system package (libpq-dev), and adds seconds, not minutes, to the build
/// (docs/study-store.md).
final class PostgresDatabase: SQLDatabase {
  let location: String
  let dialect = SQLDialect.postgres
  private let connection: OpaquePointer
  private let lock = NSLock()

  /// Seconds libpq waits for an unreachable server before giving up.
  static let connectTimeout = 10

  init(url: String) throws {
    location = StoreLocation.masked(url)
    // expand_dbname lets libpq parse the URL itself; connect_timeout keeps a dead host from
    // hanging a worker for the kernel's TCP timeout (minutes).
    let keys = ["dbname", "connect_timeout", "application_name"]
    let values = [url, String(PostgresDatabase.connectTimeout), "joule"]
    let conn = withCStrings(keys) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
    guard let conn else { throw TuneError.store("\(location): out of memory connecting") }
    guard PQstatus(conn) == CONNECTION_OK else {
      let why = PostgresDatabase.message(conn)
      PQfinish(conn)
      throw TuneError.store("cannot connect to \(location): \(why)")
    }
    connection = conn
    // Notices ("relation already exists, skipping") are for people at psql, not for joule's output.
    PQsetNoticeProcessor(conn, { _, _ in }, nil)
  }

  deinit { PQfinish(connection) }

  func transaction<T>(exclusive: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    if PQstatus(connection) != CONNECTION_OK { PQreset(connection) }
    let session = Session(db: self)
    try session.execute("BEGIN", [])
    do {
      let result = try body(session)
      try session.execute("COMMIT", [])
      return result
    } catch {
      _ = try? session.execute("ROLLBACK", [])
      throw error
    }
  }

  private struct Session: SQLSession {
    let db: PostgresDatabase

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
      let r = try db.run(sql, arguments)
      defer { PQclear(r) }
      return Int(String(cString: PQcmdTuples(r))) ?? 0
    }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
      let r = try db.run(sql, arguments)
      defer { PQclear(r) }
      let n = Int(PQntuples(r)), m = Int(PQnfields(r))
      let names = (0..<m).map { String(cString: PQfname(r, Int32($0))) }
      let types = (0..<m).map { PQftype(r, Int32($0)) }
      return (0..<n).map { i in
        var columns: [String: SQLValue] = [:]
        for j in 0..<m {
          if PQgetisnull(r, Int32(i), Int32(j)) != 0 { columns[names[j]] = .null; continue }
          let text = String(cString: PQgetvalue(r, Int32(i), Int32(j)))
          columns[names[j]] = PostgresDatabase.value(text, type: types[j])
        }
        return SQLRow(columns: columns)
      }
    }
  }

  /// Text-format result to a value by the column's type OID (pg_type.dat: int2 21, int4 23,
  /// int8 20, float4 700, float8 701, numeric 1700).
  static func value(_ text: String, type: Oid) -> SQLValue {
    switch type {
    case 20, 21, 23: return Int(text).map { .integer($0) } ?? .text(text)
    case 700, 701, 1700: return Double(text).map { .real($0) } ?? .text(text)
    default: return .text(text)
    }
  }

  /// Runs one statement with text parameters; `?` placeholders become `$1`, `$2`, ...
  private func run(_ sql: String, _ arguments: [SQLValue]) throws -> OpaquePointer {
    var numbered = "", n = 0
    for c in sql {
      if c == "?" { n += 1; numbered += "$\(n)" } else { numbered.append(c) }
    }
    let texts: [String?] = arguments.map {
      switch $0 {
      case .null: return nil
      case .integer(let i): return String(i)
      case .real(let d): return String(d)
      case .text(let s): return s
      }
    }
    let cstrings = texts.map { $0.flatMap { strdup($0) } }
    defer { cstrings.forEach { free($0) } }
    let pointers = cstrings.map { UnsafePointer<CChar>($0) }
    let result = pointers.withUnsafeBufferPointer { p in
      PQexecParams(connection, numbered, Int32(arguments.count), nil, p.baseAddress, nil, nil, 0)
    }
    guard let result else { throw TuneError.store("\(location): \(PostgresDatabase.message(connection))") }
    let status = PQresultStatus(result)
    guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
      let why = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
      PQclear(result)
      throw TuneError.store("\(location): \(why)")
    }
    return result
  }

  static func message(_ conn: OpaquePointer) -> String {
    String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
      .replacingOccurrences(of: "\n", with: "; ")
  }
}

/// Calls `body` with a C array of C strings (NUL-terminated list, as libpq's keyword arrays).
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
  let owned = strings.map { strdup($0) }
  defer { owned.forEach { free($0) } }
  let array: [UnsafePointer<CChar>?] = owned.map { UnsafePointer($0) } + [nil]
  return array.withUnsafeBufferPointer { body($0.baseAddress!) }
}
