/// A list of records laid out in columns for a terminal: numbers right-aligned with their
/// decimal points in line, text left-aligned, missing cells blank. Long tables show head and
/// tail around a count; wide ones lose columns on the right, with a marker, rather than wrap.
///
///     lr    batch  accuracy
///     0.01     64    0.9123
///     0.10     32    0.8810
public struct Table: Sendable {
  public let layout: TableLayout
  /// Longer tables show their head and tail around a count, as data-frame libraries do.
  public static let maxRows = 40
  /// Longer text cells are cut with "…", as pandas' `max_colwidth` (50) does; the record keeps all.
  public static let maxCellWidth = 48

  public init(rows: [Record], columns: [String]? = nil, digits: Int = 4) {
    layout = TableLayout(rows: rows, columns: columns, digits: digits)
  }

  /// The table as lines no wider than `width` characters (no limit when nil).
  public func text(width: Int? = nil) -> String {
    let columns = layout.columns, count = layout.cells.count
    let cells = layout.cells.map { row in
      row.map { $0.count > Table.maxCellWidth ? String($0.prefix(Table.maxCellWidth - 1)) + "…" : $0 }
    }
    var shown: [[String]?] = cells
    if count > Table.maxRows {
      shown = Array(cells.prefix(20)) + [nil] + Array(cells.suffix(10))
    }
    var widths = columns.map(\.count)
    for row in shown { if let row { for (j, s) in row.enumerated() { widths[j] = max(widths[j], s.count) } } }

    // Keep the columns that fit, left to right; the marker column says the rest were cut.
    var kept = columns.count
    if let width {
      let marker = 5  // "  ..."
      var used = 0
      for j in columns.indices {
        let next = used + (j > 0 ? 2 : 0) + widths[j]
        let reserve = j < columns.count - 1 ? marker : 0
        if next + reserve > width && j > 0 { kept = j; break }
        used = next
      }
    }
    let cut = kept < columns.count
    func line(_ items: [String]) -> String {
      var parts: [String] = []
      for j in 0..<kept {
        let s = items[j]
        let pad = String(repeating: " ", count: max(0, widths[j] - s.count))
        parts.append(layout.numeric[j] ? pad + s : (j == kept - 1 && !cut ? s : s + pad))
      }
      if cut { parts.append("...") }
      var l = parts.joined(separator: "  ")
      while l.hasSuffix(" ") { l.removeLast() }
      if let width, l.count > width { l = String(l.prefix(max(1, width - 3))) + "..." }
      return l
    }
    var out = [line(columns)]
    for row in shown { out.append(row.map(line) ?? "...") }
    var notes: [String] = []
    if count > Table.maxRows { notes.append("\(count) rows") }
    if cut {
      let hidden = columns[kept...]
      notes.append("\(hidden.count) more column\(hidden.count == 1 ? "" : "s"): " + hidden.joined(separator: ", "))
    }
    if !notes.isEmpty {
      var note = "(" + notes.joined(separator: "; ") + ")"
      if let width, note.count > width { note = String(note.prefix(max(1, width - 4))) + "...)" }
      out.append(note)
    }
    return out.joined(separator: "\n")
  }
}
