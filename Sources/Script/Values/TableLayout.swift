/// A list of records as columns of text: the union of keys in first-seen order (or the columns
/// asked for), numbers formatted together per column, text flattened to one line.
///
///     let t = TableLayout(rows: runs, digits: 4)
///     t.columns, t.cells, t.numeric
///
/// The terminal's `Table` and the notebook's Markdown tables both lay out from this, so a table
/// reads the same in the REPL and in a report.
public struct TableLayout: Sendable {
  public let columns: [String]
  /// One row of cells per record; "" where a record lacks the column.
  public let cells: [[String]]
  /// Columns that hold only numbers (and blanks): right-aligned.
  public let numeric: [Bool]

  /// The most characters a text cell shows. A table is read across: a model description or a
  /// path longer than this is cut with "…", and stays whole one field access away and in the
  /// files joule writes (CSV, ledgers, JSON).
  public static let textWidth = 40

  public init(rows: [Record], columns asked: [String]? = nil, digits: Int = 4) {
    var columns: [String] = []
    if let asked {
      columns = asked
    } else {
      var seen = Set<String>()
      // Fields a record's kind keeps out of tables (a program's stdout) stay one access away.
      for r in rows { for k in r.kind?.tableHidden ?? [] { seen.insert(k) } }
      for r in rows { for k in r.keys where seen.insert(k).inserted { columns.append(k) } }
    }
    let format = NumberFormat(digits: digits)
    var byColumn: [[String]] = []
    var numeric: [Bool] = []
    for c in columns {
      let values = rows.map { $0[c] }
      let isNumeric = values.allSatisfy {
        switch $0 {
        case .int?, .float?, nil, .none?: return true
        default: return false
        }
      } && values.contains { if case .float? = $0 { return true }; if case .int? = $0 { return true }; return false }
      numeric.append(isNumeric)
      let floats = format.column(values.map { if case .float(let d)? = $0 { return d } else { return nil } })
      byColumn.append(values.enumerated().map { i, v in
        switch v {
        case nil, .none?: return ""
        case .float?: return floats[i] ?? ""
        case .string(let s)?: return Self.cut(s.replacingNewlines)
        case let v?: return v.readable(format)
        }
      })
    }
    self.columns = columns
    self.numeric = numeric
    cells = rows.indices.map { i in byColumn.map { $0[i] } }
  }

  /// `s` cut to `textWidth` characters, the last one "…", when longer.
  static func cut(_ s: String) -> String {
    s.count <= textWidth ? s : String(s.prefix(textWidth - 1)) + "…"
  }
}
