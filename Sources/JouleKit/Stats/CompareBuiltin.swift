import Script
import Stats

/// `compare(rows, by: "conv", metric: "energy_j")`: the paper's table, one row per group, with
/// the omnibus rank test, its effect size and a verdict that will not crown a winner inside the
/// noise.
enum CompareBuiltin {
  static let builtin = Builtin(
    "compare",
    [Parameter("rows", doc: "a table: a list of records, an experiment, a study"),
     Parameter("by", .string, doc: "the column whose values form the groups"),
     Parameter("metric", .string, default: .string("energy_j"), doc: "the column compared"),
     Parameter("alpha", .number, default: .float(0.05), doc: "significance level")],
    family: "statistics",
    doc: """
      Compares groups of rows on one metric: per group n, mean, median, sd, 95% CI and change vs the \
      first group; Kruskal–Wallis (Mann–Whitney for two groups) with p, effect size and its label; \
      a normality note; and whether the groups overlap within the noise.
      """
  ) { args, _ in
    let rows = try TableRows.records(args["rows"], function: "compare")
    let by = try args.string("by"), metric = try args.string("metric")
    try RowSource.requireColumn(by, in: rows, function: "compare")
    try RowSource.requireColumn(metric, in: rows, function: "compare")
    try MissingValues.check(rows, column: metric, by: by, function: "compare")
    var groups: [String: [Double]] = [:]
    for (i, r) in rows.enumerated() {
      guard let x = try RowSource.number(r[metric], column: metric, row: i, function: "compare") else { continue }
      groups[TableRows.label(r[by] ?? .none), default: []].append(x)
    }
    // Groups in their natural order (1 before 4, false before true): the first is the baseline.
    let order = GroupOrder.labels(rows.map { $0[by] ?? .none }).filter { groups[$0] != nil }
    let comparison = try StatsBuiltins.stats("compare") {
      try Comparison(order.map { (label: $0, values: groups[$0]!) }, alpha: try args.double("alpha"))
    }
    let value = ComparisonValue(comparison, by: by, metric: metric)
    value.shapeCheck = try EstimateShapeCheck.line(rows: rows, by: by, metric: metric, order: order, comparison: comparison)
    return .host(value)
  }
}
