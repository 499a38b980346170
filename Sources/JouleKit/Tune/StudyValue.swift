import Foundation
import Script
import Tune

/// A study in the language: what `tune(...)` and `load_study(...)` return.
///
///     s = tune(objective, sp, strategy: "bayes", trials: 20, study: "adam")
///     s.trials            # table: number, params, lr, beta1, ..., value, accuracy, energy_j, ...
///     s.best.params       # the best trial's parameters
///     s.spent_j, s.budget_j
final class StudyValue: HostObject {
  let study: Study
  /// Where it is stored, nil for an unsaved study.
  let storePath: String?

  init(_ study: Study, storePath: String?) {
    self.study = study
    self.storePath = storePath
  }

  var typeName: String { "study" }
  var fieldNames: [String] {
    ["name", "strategy", "direction", "metric", "trials", "best", "finished", "budget_j", "spent_j",
     "energy_estimated", "stop_reason", "seed", "space", "store", "prune", "pruned", "joules_pruned", "joules_saved",
     "objectives", "pareto", "hypervolume"]
  }

  func field(_ name: String) -> Value? {
    let s = study.settings
    switch name {
    case "name": return .string(s.name)
    case "strategy": return .string(s.strategy.rawValue)
    case "direction": return .string(s.direction.rawValue)
    case "metric": return .string(s.metric)
    case "trials": return .table(rows)
    case "best": return bestRow.map { .record($0) } ?? Value.none
    case "finished": return .int(study.finishedCount)
    case "budget_j": return s.budgetJ.map { .float($0) } ?? Value.none
    case "spent_j": return .float(study.spentJ)
    case "energy_estimated": return .bool(estimated)
    case "stop_reason": return study.stopReason.map { .string($0) } ?? Value.none
    case "seed": return .int(s.seed)
    case "space": return .host(SpaceValue(s.space))
    case "store": return storePath.map { .string($0) } ?? Value.none
    case "prune": return .string((s.prune ?? .none).rawValue)
    case "pruned": return .int(study.prunedCount)
    case "joules_pruned": return .float(study.joulesPruned)
    case "joules_saved": return .float(study.joulesSaved)
    case "objectives": return .list(study.objectives.map { .string("\($0.direction.rawValue) \($0.metric)") })
    case "pareto":
      let front = Set(study.paretoTrials.map(\.number))
      return .table(study.rows.filter { front.contains($0.trial.number) }.map(row))
    case "hypervolume": return study.hypervolume().map { .float($0) } ?? Value.none
    default: return nil
    }
  }

  /// True when any trial's joules are estimated rather than measured.
  var estimated: Bool { study.trials.contains { $0.energyEstimated == true } }

  /// Column names the table always has, so a parameter of the same name stays only in `params`.
  static let fixedColumns: Set<String> = ["number", "params", "value", "accuracy", "energy_j", "energy_estimated", "seconds",
                                          "state", "cumulative_energy_j", "best_so_far", "error", "machine_energy_j",
                                          "energy_source", "suggestion", "worker"]

  var rows: [Record] { study.rows.map(row) }

  var bestRow: Record? {
    guard let b = study.best else { return nil }
    return study.rows.first { $0.trial.number == b.number }.map(row)
  }

  func row(_ r: Study.Row) -> Record {
    let t = r.trial
    let names = study.settings.space.names
    var rec = Record()
    rec["number"] = .int(t.number)
    rec["params"] = .record(ParameterConversion.record(Array(zip(names, t.params))))
    for (n, p) in zip(names, t.params) where !StudyValue.fixedColumns.contains(n) {
      rec[n] = ParameterConversion.value(p)
    }
    rec["value"] = num(t.value)
    rec["accuracy"] = num(t.metrics["accuracy"] ?? (study.settings.metric == "accuracy" ? t.value : nil))
    let metric = study.settings.metric
    if metric != "value", metric != "accuracy", !names.contains(metric), !StudyValue.fixedColumns.contains(metric) {
      rec[metric] = num(t.metrics[metric] ?? t.value)
    }
    if let second = study.settings.secondObjective, !names.contains(second.metric),
       !StudyValue.fixedColumns.contains(second.metric) {
      rec[second.metric] = num(study.field(second.metric, of: t))
    }
    rec["energy_j"] = num(t.energyJ)
    rec["energy_estimated"] = t.energyEstimated.map { .bool($0) } ?? Value.none
    rec["machine_energy_j"] = num(t.machineEnergyJ)
    rec["energy_source"] = t.energySource.map { .string($0) } ?? Value.none
    rec["seconds"] = num(t.seconds)
    rec["state"] = .string(t.state.rawValue)
    rec["cumulative_energy_j"] = .float(r.cumulativeJ)
    rec["best_so_far"] = num(r.bestSoFar)
    rec["error"] = t.error.map { .string($0) } ?? Value.none
    // A constrained study shows each constraint's value (≤ 0 held) and whether all held.
    for i in 0..<(study.settings.constraints ?? 0) { rec[Trial.constraintKey(i)] = num(t.metrics[Trial.constraintKey(i)]) }
    if (study.settings.constraints ?? 0) > 0 { rec["feasible"] = .bool(study.isFeasible(t)) }
    rec["suggestion"] = .int(t.suggestion)
    rec["worker"] = t.worker.map { .string($0) } ?? Value.none
    return rec
  }

  private func num(_ x: Double?) -> Value { x.map { .float($0) } ?? Value.none }

  var displayText: String {
    let s = study.settings
    var parts = ["\(s.strategy.rawValue)", "\(study.finishedCount)/\(s.trials) trials"]
    if let b = study.best, let v = b.value {
      parts.append("best \(s.metric) \(StudyValue.short(v)) (trial \(b.number))")
    }
    let joules = "\(StudyValue.short(study.spentJ)) J\(estimated ? " (estimated)" : "")"
    parts.append(s.budgetJ.map { "\(joules) of \(StudyValue.short($0)) J budget" } ?? joules)
    if study.prunedCount > 0 {
      parts.append("\(study.prunedCount) pruned, ~\(StudyValue.short(study.joulesSaved)) J saved")
    }
    if let r = study.stopReason, r != "done" { parts.append("stopped: \(r)") }
    return "<study \(s.name): \(parts.joined(separator: ", "))>"
  }

  static func short(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
    return String(format: "%.4g", x)
  }
}
