/// How values read: what `print` writes, what the REPL shows, and a one-line form.
///
///     print(0.1 + 0.2)        # 0.30000000000000004 (a number alone: shortest round-trip form)
///     print([1, "a"])         # [1, "a"]  (strings quoted inside collections)
///     print([1 / 3, 2.0])     # [0.3333, 2.0]  (inside collections and tables: 4 significant digits)
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
    case .builtin(let b): return "<builtin \(b.name)>"
    case .closure(let c): return c.name == "<fn>" ? "<fn>" : "<fn \(c.name)>"
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
  /// their own `displayText`, a number at full precision, collections readably (numbers to 4
  /// significant digits, long ones elided with a count).
  public var displayString: String { display(width: nil) }

  /// `displayString` for a window `width` characters wide: tables lose columns rather than wrap.
  public func display(width: Int?, digits: Int = 4) -> String {
    switch self {
    case .list(let l) where !l.isEmpty && l.allSatisfy({ if case .record = $0 { return true } else { return false } }):
      return Table(rows: l.map { if case .record(let r) = $0 { return r } else { return Record() } }, digits: digits)
        .text(width: width)
    case .host(let h):
      if let sized = h as? any SizedDisplay { return sized.displayText(width: width) }
      return h.displayText
    case .record(let r) where r.kind != nil:
      return r.kind!.summary(r, width: width)
    case .float:
      return shortDescription
    default:
      return Value.wrap(readable(NumberFormat(digits: digits)), width: width)
    }
  }

  /// `text` broken after ", " so that no line is wider than `width` (when given), and no
  /// word or number is cut by the terminal's edge; continuation lines are indented by one.
  static func wrap(_ text: String, width: Int?) -> String {
    guard let width, width > 8, text.count > width, !text.contains("\n") else { return text }
    var lines: [String] = [], line = ""
    for piece in text.components(separatedBy: ", ") {
      let add = line.isEmpty ? piece : line + ", " + piece
      if add.count + 1 > width && !line.isEmpty {
        lines.append(line + ",")
        line = " " + piece
      } else {
        line = add
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// Lists longer than this show their head and tail around a count.
  static let listLimit = 12
  /// Lists of strings up to this long are shown whole.
  static let nameListLimit = 200
  /// Records with more fields than this show the first ones and a count.
  static let recordLimit = 12

  /// The one-line form for reading: numbers to `format`'s digits, long lists and records elided,
  /// and a table inside a record shown by its size (`epochs: [3 rows]`).
  ///
  ///     [0.123456, 2.0]          ->  [0.1235, 2.0]
  ///     range(100)               ->  [0, 1, 2, 3, 4, 5, 6, 7, ..., 98, 99] (100 items)
  public func readable(_ format: NumberFormat = NumberFormat(), nested: Bool = false) -> String {
    switch self {
    case .float(let d): return format.text(d)
    case .list(let l) where nested && !l.isEmpty && l.allSatisfy({ if case .record = $0 { return true } else { return false } }):
      // A table inside a record (a run's epochs, a study's trials) is one field access away.
      return "[\(l.count) row\(l.count == 1 ? "" : "s")]"
    case .list(let l):
      // Names (`keys(r)`) are shown whole: eliding them hides the very thing asked for.
      let names = l.count <= Value.nameListLimit && l.allSatisfy { if case .string = $0 { return true } else { return false } }
      if l.count > Value.listLimit && !names {
        let head = l.prefix(8).map { $0.readable(format) }, tail = l.suffix(2).map { $0.readable(format) }
        return "[" + (head + ["..."] + tail).joined(separator: ", ") + "] (\(l.count) items)"
      }
      return "[" + l.map { $0.readable(format) }.joined(separator: ", ") + "]"
    case .record(let r) where r.kind != nil:
      return r.kind!.summary(r, width: nil)
    case .record(let r):
      let pairs = r.pairs.prefix(r.count > Value.recordLimit ? 10 : r.count)
        .map { "\(Value.key($0.0)): \($0.1.readable(format, nested: true))" }
      let more = r.count > Value.recordLimit ? ", ... \(r.count - 10) more fields" : ""
      return "{" + pairs.joined(separator: ", ") + more + "}"
    default: return shortDescription
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

extension String {
  var replacingNewlines: String { contains("\n") ? split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n") : self }
}
