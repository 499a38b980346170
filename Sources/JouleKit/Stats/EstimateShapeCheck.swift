import Energy
import Foundation
import Script
import Stats

/// `compare`'s line on estimated energy: the groups' joules recomputed under every shape in the
/// estimate's range from each run's `seconds` and `cpu_seconds`, and the verdict rerun.
///
///     EstimateShapeCheck.line(rows: rows, by: "conv", metric: "energy_j", order: ["1", "4"], comparison: c)
///     // "holds whatever the estimate's shape (18 shapes: idle 10–60% of full power, ...)"
///
/// Binding only: the curves come from `Energy.EstimateRange` and the model's `extremes`, the verdict from
/// `Stats.VerdictRobustness`. nil when the metric is not energy or the rows are measured.
/// A row that is a process's share (`machine_energy_j` beside `energy_j`) keeps its share of
/// the recomputed machine joules. `logical_cpus`, when rows carry it, is the machine's; else
/// this machine's count is assumed.
enum EstimateShapeCheck {
  static func line(rows: [Record], by: String, metric: String, order: [String], comparison: Comparison) throws -> String? {
    guard isEnergy(metric), rows.contains(where: isEstimated) else { return nil }
    let used = rows.filter { $0[metric]?.number != nil }
    let missing = used.filter { machineCPUSeconds($0) == nil || $0["seconds"]?.number == nil }
    if !missing.isEmpty {
      return "cannot tell whether the verdict depends on the estimate's shape: \(missing.count) of \(used.count) rows "
        + "lack `seconds` or `cpu_seconds` (the machine's busy CPU seconds), which the check recomputes energy from"
    }
    let (model, _) = CPUPowerModel.detect(environment: ProcessInfo.processInfo.environment)
    let scenarios = curves(model: model, rows: used).map { curve in
      (name: curve.name, groups: order.map { label in
        (label: label, values: used.filter { TableRows.label($0[by] ?? .none) == label }.map { recomputed($0, metric: metric, curve: curve) })
      })
    }
    let check = try StatsBuiltins.stats("compare") {
      try VerdictRobustness(original: comparison, scenarios: scenarios, range: rangeSummary(model: model))
    }
    return check.line
  }

  static func isEnergy(_ metric: String) -> Bool {
    let m = metric.lowercased()
    return !m.contains("kwh") && (m.hasSuffix("_j") || m.contains("joule"))
  }

  static func isEstimated(_ row: Record) -> Bool {
    if ["estimated", "energy_estimated", "joules_estimated"].contains(where: { row[$0]?.isTruthy == true }) { return true }
    if case .string(let s)? = row["energy_source"], s.contains("estimate") { return true }
    return false
  }

  /// The range's curves, on the rows' logical CPU count when they carry one: SPECpower's
  /// spread of shapes (`EstimateRange`) and the fitted model's own corners (`extremes`). The
  /// union, because the model's interval covers too little of the held-out machines
  /// (docs/energy.md) for its corners alone to bound a verdict.
  static func curves(model: CPUPowerModel, rows: [Record]) -> [PowerCurve] {
    let cpus = rows.compactMap { $0["logical_cpus"]?.number }.first.map { Int($0) } ?? model.logicalCPUs
    let corners = model.idleFractionRange == nil ? [] : model.extremes.map { m in
      PowerCurve(name: "fitted corner, idle \(Int((m.idleFraction * 100).rounded()))%, "
                   + "\(m.curve == model.curveLow ? "low" : "high") curve", logicalCPUs: cpus) { u in m.watts(utilisation: u) }
    }
    return EstimateRange.curves(maxWatts: model.maxWatts, logicalCPUs: cpus) + corners
  }

  /// What the shapes span, for the line.
  static func rangeSummary(model: CPUPowerModel) -> String {
    EstimateRange.summary + (model.idleFractionRange == nil ? "" : ", and the fitted model's 4 corners")
  }

  /// The machine's busy CPU seconds: `machine_cpu_seconds` where a row's `cpu_seconds` is a
  /// program tree's own (`command()`), else `cpu_seconds`.
  static func machineCPUSeconds(_ row: Record) -> Double? {
    row["machine_cpu_seconds"]?.number ?? row["cpu_seconds"]?.number
  }

  /// A row's metric under `curve`: the machine's joules, times the row's share when it is one.
  static func recomputed(_ row: Record, metric: String, curve: PowerCurve) -> Double {
    let machine = curve.joules(seconds: row["seconds"]?.number ?? 0, cpuSeconds: machineCPUSeconds(row) ?? 0)
    let whole = metric == "process_joules" ? "joules" : "machine_energy_j"
    if metric != whole, let total = row[whole]?.number, total > 0, let part = row[metric]?.number {
      return machine * part / total
    }
    return machine
  }
}
