/// One value bound to, or read from, a store's SQL statement.
///
///     try session.execute("UPDATE trials SET value = ? WHERE number = ?", [.real(0.87), .integer(3)])
///
/// Both back ends (SQLite through GRDB, PostgreSQL through libpq) speak these four types, so the
/// store's rules are written once.
enum SQLValue: Equatable {
  case null
  case integer(Int)
  case real(Double)
  case text(String)

  init(_ s: String?) { self = s.map { .text($0) } ?? .null }
  init(_ i: Int?) { self = i.map { .integer($0) } ?? .null }
  /// Non-finite doubles become NULL: neither engine keeps NaN portably.
  init(_ d: Double?) { self = d.flatMap { $0.isFinite ? .real($0) : nil } ?? .null }
}

/// A result row by column name.
///
///     let n = row.int("number"); let v = row.double("value")
struct SQLRow {
  var columns: [String: SQLValue]

  func string(_ name: String) -> String? {
    switch columns[name] {
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .real(let d): return String(d)
    default: return nil
    }
  }

  func int(_ name: String) -> Int? {
    switch columns[name] {
    case .integer(let i): return i
    case .real(let d): return Int(d)
    case .text(let s): return Int(s)
    default: return nil
    }
  }

  func double(_ name: String) -> Double? {
    switch columns[name] {
    case .real(let d): return d
    case .integer(let i): return Double(i)
    case .text(let s): return Double(s)
    default: return nil
    }
  }
}
