import Script
import Workload

/// A program's run as the record `command()` returns.
///
///     {exit_code: 0, state: "ok", stdout: "...", stderr: "", stdout_truncated: false, ...,
///      metrics: {accuracy: 0.87}, reports: [{step: 1, accuracy: 0.8, seconds: 2.1, energy_j: 9.3}],
///      seconds: 4.2, cpu_seconds: 4.0, peak_rss_mb: 61.2, energy_j: 40.1, machine_energy_j: 44.9,
///      energy_source: "estimate(linear-tdp), cpu-share", estimated: true, energy_model: "..."}
enum CommandRecord {
  static func record(_ r: CommandResult, arguments: [String]) -> Record {
    var rec = Record()
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
    rec["seconds"] = .float(r.seconds)
    rec["cpu_seconds"] = .float(r.energy.cpuSeconds)
    rec["peak_rss_mb"] = .float(r.energy.peakRSSBytes / 1_048_576)
    rec["energy_j"] = .float(r.energy.joules)
    rec["machine_energy_j"] = .float(r.energy.machineJoules)
    rec["cpu_share"] = .float(r.energy.share)
    // The meters, then how the machine's joules were divided: "rapl, cpu-share".
    rec["energy_source"] = .string(r.energy.source + ", " + r.energy.attribution)
    rec["estimated"] = .bool(r.energy.estimated)
    // An estimate always travels with its model and parameters.
    if let model = r.energy.model { rec["energy_model"] = .string(model) }
    if !r.energy.notes.isEmpty { rec["energy_notes"] = .list(r.energy.notes.map { .string($0) }) }
    rec["argv"] = .list(arguments.map { .string($0) })
    return rec
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
