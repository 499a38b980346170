/// How values read: what `print` writes, what the REPL shows, and a one-line form.
///
///     print(0.1 + 0.2)        # 0.30000000000000004 (floats in their shortest round-trip form)
///     print([1, "a"])         # [1, "a"]  (strings quoted inside collections)
///     print("a")              # a
///     runs                    # a list of records shows as an aligned table
extension Value {
  /// A compact single-line form: `0.01`, `"text"` quoted, `[1, 2]`, `{a: 1}`.
  public var shortDescription: String {
    switch self {
    case .none: return "nil"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .float(let d): return Value.format(d)
    case .string(let s): return Value.quote(s)
    case .list(let l): return "[" + l.map(\.shortDescription).joined(separator: ", ") + "]"
    case .record(let r):
      return "{" + r.pairs.map { "\(Value.key($0.0)): \($0.1.shortDescription)" }.joined(separator: ", ") + "}"
    case .function(let f):
      if f is Builtin { return "<builtin \(f.name)>" }
      return f.name == "<fn>" ? "<fn>" : "<fn \(f.name)>"
    case .host(let h):
      let text = h.displayText
      return text.contains("\n") ? "<\(h.typeName)>" : text
    }
  }

  /// What `print(x)` and `str(x)` write: strings as they are, everything else as `displayString`.
  public var printString: String {
    if case .string(let s) = self { return s }
    return displayString
  }

  /// What the REPL shows for a value: a list of records as an aligned table, host objects by
  /// their own `displayText`, everything else in its one-line form.
  public var displayString: String {
    switch self {
    case .list(let l) where !l.isEmpty && l.allSatisfy({ if case .record = $0 { return true } else { return false } }):
      return Table(rows: l.map { if case .record(let r) = $0 { return r } else { return Record() } }).text
    case .host(let h):
      return h.displayText
    default:
      return shortDescription
    }
  }

  /// Shortest text that reads back as the same double (Swift's and Python's rule).
  static func format(_ d: Double) -> String {
    d.description
  }

  /// A string as source text: quoted, with escapes.
  static func quote(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
  }

  /// A record key as written: bare when it is an identifier, quoted otherwise.
  static func key(_ k: String) -> String {
    let isIdentifier = !k.isEmpty && k.unicodeScalars.enumerated().allSatisfy { i, c in
      c.properties.isAlphabetic || c == "_" || (i > 0 && ("0"..."9").contains(c))
    }
    return isIdentifier ? k : quote(k)
  }
}

/// A list of records laid out in columns: the union of the keys, in first-seen order;
/// numbers right-aligned, text left-aligned, missing cells blank.
///
///     lr    batch  accuracy
///     0.01     64    0.9123
///     0.1      32     0.881
struct Table {
  let rows: [Record]
  /// Longer tables show their head and tail around a count, as data-frame libraries do.
  static let maxRows = 40

  var text: String {
    var columns: [String] = []
    var seen = Set<String>()
    for r in rows { for k in r.keys where seen.insert(k).inserted { columns.append(k) } }
    var shown: [Record?] = rows
    if rows.count > Table.maxRows {
      shown = Array(rows.prefix(20)) + [nil] + Array(rows.suffix(10))
    }
    func cell(_ v: Value?) -> String {
      guard let v else { return "" }
      if case .string(let s) = v { return s.replacingNewlines }
      return v.shortDescription
    }
    let cells: [[String]?] = shown.map { r in r.map { r in columns.map { cell(r[$0]) } } }
    let numeric: [Bool] = columns.map { c in
      rows.allSatisfy { r in
        switch r[c] {
        case .int?, .float?, nil, .none?: return true
        default: return false
        }
      }
    }
    var widths = columns.map(\.count)
    for row in cells { if let row { for (j, s) in row.enumerated() { widths[j] = max(widths[j], s.count) } } }
    func line(_ items: [String]) -> String {
      var parts: [String] = []
      for (j, s) in items.enumerated() {
        let pad = String(repeating: " ", count: widths[j] - s.count)
        parts.append(numeric[j] ? pad + s : (j == items.count - 1 ? s : s + pad))
      }
      var l = parts.joined(separator: "  ")
      while l.hasSuffix(" ") { l.removeLast() }
      return l
    }
    var out = [line(columns)]
    for row in cells {
      out.append(row.map(line) ?? "...")
    }
    if rows.count > Table.maxRows { out.append("(\(rows.count) rows)") }
    return out.joined(separator: "\n")
  }
}

extension String {
  var replacingNewlines: String { contains("\n") ? split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n") : self }
}
