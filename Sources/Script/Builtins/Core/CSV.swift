import Foundation

/// Comma-separated text to records and back (RFC 4180 quoting).
///
///     CSV.parse("lr,acc\n0.1,0.9\n")   // [{lr: 0.1, acc: 0.9}]
public enum CSV {
  /// Rows as records keyed by the header; numbers become ints or floats, empty cells nil.
  public static func parse(_ text: String) throws -> [Record] {
    let rows = try fields(text)
    guard let header = rows.first else { return [] }
    var out: [Record] = []
    for (n, row) in rows.dropFirst().enumerated() {
      if row.count == 1 && row[0].isEmpty { continue }
      guard row.count <= header.count else {
        throw ScriptError.runtime("CSV row \(n + 2) has \(row.count) fields, the header \(header.count)")
      }
      var r = Record()
      for (j, key) in header.enumerated() {
        r[key] = j < row.count ? cell(row[j]) : Value.none
      }
      out.append(r)
    }
    return out
  }

  static func cell(_ s: String) -> Value {
    if s.isEmpty { return .none }
    if let i = Int(s) { return .int(i) }
    if let d = Double(s), s.first != "+" { return .float(d) }
    if s == "true" { return .bool(true) }
    if s == "false" { return .bool(false) }
    return .string(s)
  }

  static func fields(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = text.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
      if let p = pending { pending = nil; return p }
      return chars.next()
    }
    while let c = next() {
      if quoted {
        if c == "\"" {
          if let d = next() {
            if d == "\"" { field.append("\"") } else { quoted = false; pending = d }
          } else { quoted = false }
        } else {
          field.append(c)
        }
      } else {
        switch c {
        case "\"" where field.isEmpty: quoted = true
        case ",": row.append(field); field = ""
        case "\n", "\r\n":
          row.append(field); field = ""
          rows.append(row); row = []
        case "\r": break
        default: field.append(c)
        }
      }
    }
    if quoted { throw ScriptError.runtime("CSV: unterminated quoted field") }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }

  /// CSV text with columns = the union of the keys in first-seen order.
  public static func text(_ rows: [Record]) throws -> String {
    var columns: [String] = []
    var seen = Set<String>()
    for r in rows { for k in r.keys where seen.insert(k).inserted { columns.append(k) } }
    var lines = [columns.map(escape).joined(separator: ",")]
    for r in rows {
      lines.append(try columns.map { c -> String in
        switch r[c] {
        case nil, .none?: return ""
        case .string(let s)?: return escape(s)
        case .int(let i)?: return String(i)
        case .float(let d)?: return Value.format(d)
        case .bool(let b)?: return b ? "true" : "false"
        case let v?: return escape(try JSON.text(v))
        }
      }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func escape(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
