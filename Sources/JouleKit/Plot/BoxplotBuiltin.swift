import Plot
import Script

/// `boxplot(rows, x: "conv", y: "energy_j", by: "relu")`: the paper's figure, a box per value
/// of x (and per value of `by` beside each other), with the values overlaid as jittered points
/// when there are few. Works at the prompt (text), in notebooks and with `save`, as `plot` does.
enum BoxplotBuiltin {
  static let builtin = Builtin("boxplot", [
    Parameter("rows", doc: "a table, an experiment, a study"),
    Parameter("x", .optional(.string), default: .some(.none), doc: "the column whose values form the boxes"),
    Parameter("y", .string, default: .string("energy_j"), doc: "the column measured"),
    Parameter("by", .optional(.string), default: .some(.none), doc: "a column whose values get boxes of their own colour"),
    Parameter("jitter", .optional(.bool), default: .some(.none), doc: "overlay the values as points (default: when few)"),
    Parameter("title", .optional(.string), default: .some(.none)),
    Parameter("ylabel", .optional(.string), default: .some(.none)),
  ], family: "plots", doc: """
    Box plots of y per value of x (one colour per value of by), values overlaid when few: \
    boxplot(rows, x: "conv", y: "energy_j", by: "relu").
    """) { args, _ in
    let source = args["rows"]
    let rows = try RowSource.rows(of: source, function: "boxplot", listField: "rows")
    guard !rows.isEmpty else { throw ScriptError.runtime("boxplot: the table is empty; nothing to draw") }
    let x = try args.optionalString("x"), y = try args.string("y"), by = try args.optionalString("by")
    for c in [x, y, by].compactMap({ $0 }) { try RowSource.requireColumn(c, in: rows, function: "boxplot") }
    try MissingValues.check(rows, column: y, by: by ?? x, function: "boxplot")

    let categories = x.map { x in GroupOrder.labels(rows.map { $0[x] ?? .none }) } ?? [""]
    var seriesOrder: [String] = []
    var points: [String: [Point]] = [:]
    for (i, row) in rows.enumerated() {
      guard let v = try RowSource.number(row[y], column: y, row: i, function: "boxplot") else { continue }
      let cat = x.map { RowSource.label(row[$0]) } ?? ""
      let key = by.map { RowSource.label(row[$0]) } ?? ""
      if points[key] == nil { seriesOrder.append(key) }
      points[key, default: []].append(Point(x: Double(categories.firstIndex(of: cat) ?? 0), y: v))
    }
    guard !seriesOrder.isEmpty else { throw ScriptError.runtime("boxplot: no row has a number in '\(y)'") }
    if let by { seriesOrder = GroupOrder.labels(rows.map { $0[by] ?? .none }).filter { points[$0] != nil } }
    let series = seriesOrder.map { Series(name: $0, points: points[$0]!) }
    var panel = Panel(series: series, kind: .box)
    panel.categories = categories
    panel.keyTitle = by
    panel.jitter = args.has("jitter") ? try args.bool("jitter") : nil
    let estimated = RowSource.estimated(source, rows: rows)
    panel.xlabel = x
    panel.ylabel = RowSource.axisLabel(try args.optionalString("ylabel") ?? y, column: y, estimated: estimated)
    panel.title = try args.optionalString("title")
    panel.keyPosition = .outsideRight
    return .host(PlotValue(PlotSpec(panel)))
  }
}
