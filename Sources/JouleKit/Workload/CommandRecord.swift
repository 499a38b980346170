import Script
import Workload

/// A program's run as the record `command()` returns.
///
///     <command python3 train.py: ok, 4.2 s, 40.1 J estimated, accuracy 0.87>
///     // fields: exit_code, state, stdout, stderr, metrics, reports, energy_j, estimated, energy_source,
///     // energy_scope, energy_model, machine_energy_j, seconds, cpu_seconds, peak_rss_mb, cpu_share, argv
enum CommandRecord {
  static func record(_ r: CommandResult, arguments: [String]) -> Record {
    var rec = Record(kind: kind(arguments), [])
    rec["exit_code"] = .int(Int(r.exitCode))
    rec["state"] = .string(r.state.rawValue)
    if let failure = r.failure { rec["error"] = .string(failure) }
    rec["stdout"] = .string(r.stdout.text)
    rec["stderr"] = .string(r.stderr.text)
    rec["stdout_truncated"] = .bool(r.stdout.truncated)
    rec["stderr_truncated"] = .bool(r.stderr.truncated)
    rec["metrics"] = r.metricsJSON.flatMap { try? JSON.parse($0) } ?? .none
    if let why = r.metricsMissing { rec["metrics_note"] = .string(why) }
    rec["reports"] = .list(r.reports.map(report))
    var fields = EnergyFields(r.energy)
    fields.seconds = r.seconds
    fields.write(into: &rec)
    rec["peak_rss_mb"] = .float(r.energy.peakRSSBytes / 1_048_576)
    rec["cpu_share"] = .float(r.energy.share)
    if !r.energy.notes.isEmpty { rec["energy_notes"] = .list(r.energy.notes.map { .string($0) }) }
    rec["argv"] = .list(arguments.map { .string($0) })
    return rec
  }

  /// Numbers a program's run carries about the run itself rather than what it computed: an
  /// experiment or a study takes the program's `metrics` as columns, not these.
  static let bookkeeping: Set<String> = ["exit_code", "peak_rss_mb", "cpu_share"]

  /// `<command python3 train.py --lr 0.1: ok, 4.2 s, 40.1 J estimated, accuracy 0.87>`: never the
  /// program's output, which is one field away (`r.stdout`).
  static func kind(_ arguments: [String]) -> SummaryKind {
    SummaryKind(head: "command " + arguments.map { $0.contains(" ") ? Value.string($0).shortDescription : $0 }
      .joined(separator: " "), hidden: ["stdout", "stderr", "reports", "argv"]) { r in
      var parts: [String] = []
      if case .string(let state)? = r["state"] { parts.append(state) }
      if let code = r["exit_code"]?.number, code != 0 { parts.append("exit \(Int(code))") }
      if let s = r["seconds"]?.number { parts.append(EnergyFields.short(s) + " s") }
      if let e = EnergyFields.text(of: r) { parts.append(e) }
      if case .record(let m)? = r["metrics"] {
        for (k, v) in m.pairs.prefix(4) { if let f = SummaryKind.figure(v) { parts.append("\(k) \(f)") } }
      }
      return parts
    }
  }

  /// A report as the program wrote it, plus when it came and the joules so far (unless the
  /// program used those names itself).
  static func report(_ r: ProgramReport) -> Value {
    guard case .record(var rec)? = try? JSON.parse(r.json) else { return .none }
    if rec["seconds"] == nil { rec["seconds"] = .float(r.seconds) }
    if rec["energy_j"] == nil, let j = r.joules { rec["energy_j"] = .float(j) }
    return .record(rec)
  }
}
