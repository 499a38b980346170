import Foundation
import Script
import Tune

/// An experiment's runs as the language sees them: a summary line, then the runs as a table;
/// `e.rows` gives the records, `e.warmup` the warm-up's seconds and joules, `e.study` the study.
///
///     <experiment layers: 240/240 runs of 8 combinations × 30, 5123 J measured, warm-up 60 s 812 J>
///     run  conv  relu  repetition  energy_j  seconds  accuracy
///       1     4  true           0     21.43    2.012    0.8312
final class ExperimentValue: SizedDisplay, Tabular, RowSequence {
  let study: Study
  let sampler: FactorialSampler
  let warmup: Warmup?
  let storePath: String?

  /// Columns the experiment itself writes; a factor or a returned field may not take them.
  static let runColumns: Set<String> = Set(["run", "repetition", "state", "error"]).union(EnergyFields.names)

  init(_ study: Study, sampler: FactorialSampler, warmup: Warmup?, storePath: String?) {
    self.study = study
    self.sampler = sampler
    self.warmup = warmup
    self.storePath = storePath
  }

  var typeName: String { "experiment" }
  var fieldNames: [String] { ["rows", "name", "factors", "runs", "finished", "spent_j", "estimated", "warmup", "study",
                              "stop_reason"] }

  func field(_ name: String) -> Value? {
    switch name {
    case "rows": return .list(tableRows.map { .record($0) })
    case "name": return .string(study.settings.name)
    case "factors":
      let s = study.settings.space
      return .record(Record(zip(s.names, s.dimensions).map { n, d in (n, .list(d.gridValues(1).map(ParameterConversion.value))) }))
    case "runs": return .int(study.settings.trials)
    case "finished": return .int(study.finishedCount)
    case "spent_j": return .float(study.spentJ)
    case "estimated": return .bool(estimated)
    case "warmup":
      guard let w = warmup else { return Value.none }
      return .record(EnergyFields(w.reading).record)
    case "study": return .host(StudyValue(study, storePath: storePath))
    case "stop_reason": return study.stopReason.map { .string($0) } ?? Value.none
    default: return nil
    }
  }

  var estimated: Bool { study.trials.contains { $0.energyEstimated == true } }

  var rows: [Record] { tableRows }

  /// One row per finished run, in the order they ran.
  var tableRows: [Record] {
    let names = study.settings.space.names
    let trials = study.trials.filter { $0.state.isFinished }.sorted { $0.number < $1.number }
    let metricNames = Set(trials.flatMap { $0.metrics.keys }).sorted()
    // A metric that is a whole number in every run (a seed, an exit code, a count) is an int.
    let whole = Set(metricNames.filter { m in trials.allSatisfy { t in t.metrics[m].map(Self.isWhole) ?? true } })
    let anyFailed = trials.contains { $0.state != .complete }
    return trials.map { t in
      var rec = Record()
      rec["run"] = .int(t.number)
      for (n, p) in zip(names, t.params) { rec[n] = ParameterConversion.value(p) }
      rec["repetition"] = .int(sampler.repetition(at: t.suggestion))
      // The energy vocabulary, as every record writes it: the figures first, the provenance last.
      let energy = EnergyFields(t.outcome)
      rec["energy_j"] = Value.none
      energy?.writeHead(into: &rec)
      if energy == nil { rec["seconds"] = t.seconds.map { .float($0) } ?? Value.none }
      for m in metricNames {
        rec[m] = t.metrics[m].map { whole.contains(m) ? .int(Int($0)) : .float($0) } ?? Value.none
      }
      energy?.writeTail(into: &rec)
      if anyFailed {
        rec["state"] = .string(t.state.rawValue)
        rec["error"] = t.error.map { .string($0) } ?? Value.none
      }
      return rec
    }
  }

  static func isWhole(_ x: Double) -> Bool { x.isFinite && x == x.rounded() && abs(x) < 1e15 }

  var tableColumns: [String]? { nil }
  var tableDigits: Int { 4 }
  var tableNotes: [String] { [] }

  /// "<experiment layers: 240/240 runs of 8 combinations × 30, 5123 J measured, warm-up 60 s 812 J>"
  var summary: String {
    let s = study.settings
    var parts = ["\(study.finishedCount)/\(s.trials) runs of \(sampler.grid.size) combination\(sampler.grid.size == 1 ? "" : "s") × \(sampler.repeats)",
                 "\(NumberFormat().text(study.spentJ)) J \(estimated ? "estimated" : "measured")"]
    if let w = warmup { parts.append("warm-up \(Int(w.seconds.rounded())) s \(NumberFormat().text(w.joules)) J") }
    if let r = study.stopReason, r != "done" { parts.append("stopped: \(r)") }
    return "<experiment \(s.name): \(parts.joined(separator: ", "))>"
  }

  var displayText: String { displayText(width: nil) }

  func displayText(width: Int?) -> String {
    let rows = tableRows
    return rows.isEmpty ? summary : summary + "\n" + Table(rows: rows).text(width: width)
  }
}
