import Plot
import Script

/// Builds a panel from rows: one series per value of `by`, points from the `x` and `y` columns.
///
///     let panel = try TableChart(rows: rows, x: "energy_j", y: "accuracy", by: "model").panel(kind: .points)
///
/// Rows whose `state` is "pruned" (trials cut short) form their own marked series that no
/// Pareto front includes. Rows missing x or y (or holding nil) are skipped; text in a number column is an error that
/// suggests `by:`. Without `x`, the row number (1, 2, ...) is the x axis. An `x` column of text
/// (strategy names, say) is categorical: one tick per name, in the order the rows give them.
struct TableChart {
  var rows: [Record]
  var x: String?
  var y: String
  var by: String?
  var function = "plot"

  func panel(kind: PlotKind) throws -> Panel {
    guard !rows.isEmpty else { throw ScriptError.runtime("\(function): the table is empty; nothing to draw") }
    if let x { try RowSource.requireColumn(x, in: rows, function: function) }
    try RowSource.requireColumn(y, in: rows, function: function)
    if let by { try RowSource.requireColumn(by, in: rows, function: function) }

    let categories = x.flatMap { Self.categories(of: $0, in: rows) }
    var order: [String] = []
    var groups: [String: [Point]] = [:]
    // Pruned trials were cut short: their own series, marked, never on a front.
    var cutShort: [Point] = []
    for (i, row) in rows.enumerated() {
      let xv: Double?
      if let categories, let x {
        xv = categories.firstIndex(of: RowSource.label(row[x])).map(Double.init)
      } else {
        xv = try x.map { try RowSource.number(row[$0], column: $0, row: i, function: function) } ?? Double(i + 1)
      }
      guard let xv, let yv = try RowSource.number(row[y], column: y, row: i, function: function) else { continue }
      if kind == .points, case .string(let state)? = row["state"], state == "pruned" {
        cutShort.append(Point(x: xv, y: yv))
        continue
      }
      let key = by.map { RowSource.label(row[$0]) } ?? ""
      if groups[key] == nil { order.append(key) }
      // An estimated figure's 80% interval rides along: error bars or a band (issue 22).
      let xInterval = categories == nil ? x.flatMap { Self.interval(of: $0, in: row) } : nil
      groups[key, default: []].append(Point(x: xv, y: yv, xInterval: xInterval, yInterval: Self.interval(of: y, in: row)))
    }
    guard !order.isEmpty || !cutShort.isEmpty else {
      throw ScriptError.runtime("\(function): no row has numbers in both '\(x ?? "row")' and '\(y)'")
    }
    let series = order.map { key -> Series in
      var pts = groups[key]!
      // Lines and steps read left to right; points keep the table's order.
      if kind == .lines || kind == .steps { pts.sort { $0.x < $1.x } }
      return Series(name: key, points: pts)
    }
    let marked = cutShort.isEmpty ? [] : [Series(name: "pruned (cut short)", points: cutShort, cutShort: true)]
    var panel = Panel(series: series + marked, kind: kind)
    panel.categories = categories
    panel.keyTitle = by
    let estimated = RowSource.estimated(nil, rows: rows)
    panel.xlabel = RowSource.axisLabel(x ?? "row", column: x ?? "", estimated: estimated)
    panel.ylabel = RowSource.axisLabel(y, column: y, estimated: estimated)
    return panel
  }

  /// The interval a row gives for `column`: `energy_j` has `energy_low_j` and `energy_high_j`
  /// (the seam's names for an estimate's 80% interval), and any `<stem>_j` likewise. nil when
  /// either bound is missing (a measured figure has none).
  static func interval(of column: String, in row: Record) -> ClosedRange<Double>? {
    guard column.hasSuffix("_j") else { return nil }
    let stem = column.dropLast(2)
    guard let low = row[stem + "_low_j"]?.number, let high = row[stem + "_high_j"]?.number,
          low.isFinite, high.isFinite, low <= high else { return nil }
    return low...high
  }

  /// The distinct names of a column whose every present value is a string, or nil.
  static func categories(of column: String, in rows: [Record]) -> [String]? {
    var names: [String] = []
    for row in rows {
      switch row[column] {
      case nil, .none?: continue
      case .string(let s)?: if !names.contains(s) { names.append(s) }
      default: return nil
      }
    }
    return names.isEmpty ? nil : names
  }
}
