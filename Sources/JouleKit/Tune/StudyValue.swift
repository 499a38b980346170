import Foundation
import Script
import Tune

/// A study in the language: what `tune(...)` and `load_study(...)` return.
///
///     s = tune(objective, sp, strategy: "bayes", trials: 20, study: "adam")
///     s.trials            # table: number, params, lr, beta1, ..., value, accuracy, energy_j, estimated, ...
///     len(s), s[0], for t in s { ... }   # a study is the list of its trial rows where a list goes
///     s.best.params       # the best trial's parameters
///     s.spent_j, s.budget_j
final class StudyValue: RowSequence {
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
     "estimated", "stop_reason", "seed", "space", "store", "prune", "pruned", "joules_pruned", "joules_saved",
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
    case "estimated": return .bool(estimated)
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
  static let fixedColumns: Set<String> = Set(["number", "params", "value", "accuracy", "energy_j", "estimated", "seconds",
                                          "state", "cumulative_energy_j", "best_so_far", "error", "machine_energy_j",
                                          "energy_source", "suggestion", "worker"]).union(EnergyFields.names)

  var rows: [Record] {
    let extra = extraMetricNames
    return study.rows.map { row($0, extra: extra) }
  }

  /// Numbers the objectives returned beyond the study's metric (a `command()`'s `metrics`, a
  /// train run's loss): columns of the trials table, after its state. Intermediate reports,
  /// the pruner's notes, energy fields and a program's bookkeeping stay out.
  var extraMetricNames: [(name: String, whole: Bool)] {
    let names = Set(study.settings.space.names)
    let ownNotes: Set<String> = ["stopped_at_step", "planned_steps", study.settings.metric]
    let keys = Set(study.trials.flatMap { $0.metrics.keys }).filter { k in
      !k.contains("@") && !ownNotes.contains(k) && !names.contains(k) && !StudyValue.fixedColumns.contains(k)
        && !CommandRecord.bookkeeping.contains(k) && k != study.settings.secondObjective?.metric
    }
    // A column whose every value is a whole number (a step count, a seed) stays an int.
    return keys.sorted().map { k in
      (k, study.trials.allSatisfy { t in t.metrics[k].map(ExperimentValue.isWhole) ?? true })
    }
  }

  var bestRow: Record? {
    guard let b = study.best else { return nil }
    return study.rows.first { $0.trial.number == b.number }.map(row)
  }

  func row(_ r: Study.Row) -> Record { row(r, extra: extraMetricNames) }

  func row(_ r: Study.Row, extra: [(name: String, whole: Bool)]) -> Record {
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
    // A train run's figures by split: which one `value` is shows beside it.
    for split in ["val_accuracy", "test_accuracy"] where t.metrics[split] != nil { rec[split] = num(t.metrics[split]) }
    let metric = study.settings.metric
    if metric != "value", metric != "accuracy", !names.contains(metric), !StudyValue.fixedColumns.contains(metric) {
      rec[metric] = num(t.metrics[metric] ?? t.value)
    }
    if let second = study.settings.secondObjective, !names.contains(second.metric),
       !StudyValue.fixedColumns.contains(second.metric) {
      rec[second.metric] = num(study.field(second.metric, of: t))
    }
    // The energy vocabulary, as every record writes it: the figures here, the provenance last.
    let energy = EnergyFields(t.outcome)
    rec["energy_j"] = num(t.energyJ)
    rec["estimated"] = t.energyEstimated.map { .bool($0) } ?? Value.none
    rec["seconds"] = num(t.seconds)
    rec["state"] = .string(t.state.rawValue)
    rec["cumulative_energy_j"] = .float(r.cumulativeJ)
    rec["best_so_far"] = num(r.bestSoFar)
    rec["error"] = t.error.map { .string($0) } ?? Value.none
    for m in extra { rec[m.name] = t.metrics[m.name].map { m.whole ? .int(Int($0)) : .float($0) } ?? Value.none }
    // A constrained study shows each constraint's value (≤ 0 held) and whether all held.
    for i in 0..<(study.settings.constraints ?? 0) { rec[Trial.constraintKey(i)] = num(t.metrics[Trial.constraintKey(i)]) }
    if (study.settings.constraints ?? 0) > 0 { rec["feasible"] = .bool(study.isFeasible(t)) }
    rec["suggestion"] = .int(t.suggestion)
    rec["worker"] = t.worker.map { .string($0) } ?? Value.none
    energy?.writeTail(into: &rec)
    return rec
  }

  private func num(_ x: Double?) -> Value { x.map { .float($0) } ?? Value.none }

  var displayText: String {
    let s = study.settings
    var parts = ["\(s.strategy.rawValue)", "\(study.finishedCount)/\(s.trials) trials"]
    if let b = study.best, let v = b.value {
      let selected = SelectionSplit.selected(s.metric, metrics: study.trials.map(\.metrics))
      parts.append("best \(selected) \(StudyValue.short(v)) (trial \(b.number))")
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
