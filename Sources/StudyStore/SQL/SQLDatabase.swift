/// The few things the study store asks of a database engine.
///
///     try db.transaction(exclusive: true) { s in
///       try s.execute("INSERT INTO trials ...", [...])
///     }
///
/// Statements use `?` placeholders and SQL both engines accept; what differs is in `SQLDialect`.
protocol SQLDatabase: AnyObject {
  /// Where the data lives, as shown to people: a file path, or a URL with the password masked.
  var location: String { get }
  var dialect: SQLDialect { get }
  /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
  /// `exclusive` asks for the write lock up front (SQLite `BEGIN IMMEDIATE`), so two claims
  /// never both read the same "next trial".
  func transaction<T>(exclusive: Bool, _ body: (any SQLSession) throws -> T) throws -> T
}

/// Statements inside one transaction.
protocol SQLSession {
  /// Runs a statement; returns the number of rows it changed.
  @discardableResult
  func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
}

/// What differs in the SQL the two engines accept.
enum SQLDialect {
  case sqlite, postgres

  /// Seconds since 1970 on the database's own clock, so workers on machines whose clocks
  /// disagree still agree on how old a heartbeat is.
  var now: String {
    switch self {
    case .sqlite: return "((julianday('now') - 2440587.5) * 86400.0)"
    case .postgres: return "(extract(epoch from clock_timestamp())::double precision)"
    }
  }

  /// SQLite's REAL is a double; PostgreSQL's REAL is a float4, so it needs DOUBLE PRECISION.
  var double: String { self == .sqlite ? "REAL" : "DOUBLE PRECISION" }
  var integer: String { self == .sqlite ? "INTEGER" : "BIGINT" }
}
