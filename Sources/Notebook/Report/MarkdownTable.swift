import Script

/// A list of records as a Markdown table: one column per key (in first-seen order), one row
/// per record.
///
///     MarkdownTable(.table([Record([("model", .string("small")), ("accuracy", .float(0.81))])]))!.markdown
///     // | model | accuracy |
///     // | --- | ---: |
///     // | small | 0.81 |
///
/// Cells escape `|` and flatten line breaks, so data cannot break the table.
public struct MarkdownTable: Equatable {
  public var headers: [String]
  public var rows: [[String]]
  /// Rows beyond this are summarised as "... N more rows": a report is read, not searched.
  public static let rowLimit = 60

  /// nil unless the value is a non-empty list of records, or a table-like host value.
  /// Numbers are formatted per column, as the REPL's tables show them.
  public init?(_ value: Value) {
    var records: [Record] = []
    var columns: [String]?
    var digits = 4
    switch value {
    case .host(let h as any Tabular):
      records = h.tableRows
      columns = h.tableColumns
      digits = h.tableDigits
    case .list(let items) where !items.isEmpty:
      for item in items {
        guard case .record(let r) = item else { return nil }
        records.append(r)
      }
    default:
      return nil
    }
    guard !records.isEmpty else { return nil }
    let layout = TableLayout(rows: records, columns: columns, digits: digits)
    self.headers = layout.columns
    self.rows = layout.cells
  }

  public init(headers: [String], rows: [[String]]) {
    self.headers = headers
    self.rows = rows
  }

  public var markdown: String {
    func cell(_ s: String) -> String {
      let flat = s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
      return flat.isEmpty ? " " : flat
    }
    // Right-align columns that hold only numbers, as spreadsheets do.
    let numeric = headers.indices.map { c in
      rows.allSatisfy { $0[c].isEmpty || Double($0[c]) != nil } && rows.contains { !$0[c].isEmpty }
    }
    var lines = ["| " + headers.map(cell).joined(separator: " | ") + " |",
                 "| " + numeric.map { $0 ? "---:" : "---" }.joined(separator: " | ") + " |"]
    for row in rows.prefix(Self.rowLimit) { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
    if rows.count > Self.rowLimit {
      lines.append("")
      lines.append("... \(rows.count - Self.rowLimit) more rows")
    }
    return lines.joined(separator: "\n")
  }
}
