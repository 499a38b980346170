import Foundation
import Script
import Stats

/// A comparison as the language sees it: displays as the paper's table with the test beneath;
/// `c.p`, `c.groups`, `c.verdict` and the rest are fields.
///
///     conv   n   mean  median     sd  ci_low  ci_high  change_pct
///     1     30  2.512   2.505  0.181   2.444    2.580
///     4     30  2.731   2.720  0.215   2.651    2.811       8.718
///     Kruskal-Wallis H = 9.835, df = 2, p = 0.0073; eta_squared = 0.096 (medium)
final class ComparisonValue: SizedDisplay, Tabular {
  let comparison: Comparison
  let by: String
  let metric: String
  /// On estimated energy: whether the verdict holds for every shape in the estimate's range.
  var shapeCheck: String?

  init(_ comparison: Comparison, by: String, metric: String) {
    self.comparison = comparison
    self.by = by
    self.metric = metric
  }

  var typeName: String { "comparison" }
  var fieldNames: [String] {
    ["groups", "by", "metric", "test", "statistic", "df", "p", "effect_size", "effect_measure", "effect",
     "normality", "overlap", "lowest", "verdict", "estimate_check"]
  }

  func field(_ name: String) -> Value? {
    let c = comparison
    switch name {
    case "groups": return .list(tableRows.map { .record($0) })
    case "by": return .string(by)
    case "metric": return .string(metric)
    case "test": return .string(c.test)
    case "statistic": return .float(c.statistic)
    case "df": return c.df.map { .int($0) } ?? .none
    case "p": return .float(c.p)
    case "effect_size": return .float(c.effect.value)
    case "effect_measure": return .string(c.effect.measure)
    case "effect": return .string(c.effect.label)
    case "normality": return .string(c.normalityNote)
    case "overlap": return .bool(c.overlap)
    case "lowest": return c.lowest.map { .string($0.label) } ?? .none
    case "verdict": return .string(c.verdict)
    case "estimate_check": return shapeCheck.map { .string($0) } ?? Value.none
    default: return nil
    }
  }

  var tableRows: [Record] {
    comparison.groups.map { g in
      let s = g.summary
      return Record([(by, .string(g.label)), ("n", .int(s.n)), ("mean", .float(s.mean)), ("median", .float(s.median)),
                     ("sd", .float(s.sd)), ("ci_low", s.ciLow.map(Value.float) ?? .none),
                     ("ci_high", s.ciHigh.map(Value.float) ?? .none),
                     ("change_pct", g.changePercent.map(Value.float) ?? .none),
                     ("shapiro_p", g.normality.map { .float($0.p) } ?? .none)])
    }
  }

  var tableColumns: [String]? { nil }
  var tableDigits: Int { 4 }

  var tableNotes: [String] {
    let c = comparison
    let f = NumberFormat(digits: 4)
    let stat = c.test == "kruskal-wallis"
      ? "Kruskal-Wallis H = \(f.text(c.statistic)), df = \(c.df ?? 0)"
      : "Mann-Whitney U = \(f.text(c.statistic))"
    let measure = c.effect.measure == "eta_squared" ? "eta_squared" : "Cliff's delta"
    return ["\(metric) by \(by): \(stat), p = \(f.text(c.p)); \(measure) = \(f.text(c.effect.value)) (\(c.effect.label))",
            "normality: \(c.normalityNote)",
            "verdict: \(c.verdict)"] + (shapeCheck.map { ["estimate: \($0)"] } ?? [])
  }

  var displayText: String { displayText(width: nil) }

  func displayText(width: Int?) -> String {
    ([Table(rows: tableRows, digits: tableDigits).text(width: width)] + tableNotes).joined(separator: "\n")
  }
}
