import Energy
import Script

/// Reads ledger entries from language values: `measure` records, training runs (host objects
/// with `energy_j`), or lists of them.
///
///     LedgerInput.entries(.list([r1, r2]), project: "p", intensity: 475, function: "ledger")
enum LedgerInput {
  static func entries(_ value: Value, project: String, intensity: Double, function: String) throws -> [LedgerEntry] {
    guard intensity >= 0, intensity.isFinite else {
      throw ScriptError.runtime("\(function): intensity must be a non-negative number of g/kWh, got \(intensity)")
    }
    let items: [Value]
    if case .list(let l) = value { items = l } else { items = [value] }
    return try items.enumerated().map { i, v in try entry(v, index: i, project: project, intensity: intensity, function: function) }
  }

  static func entry(_ v: Value, index: Int, project: String, intensity: Double, function: String) throws -> LedgerEntry {
    let field: (String) -> Value?
    switch v {
    case .record(let r): field = { r[$0] }
    case .host(let h): field = { h.field($0) }
    default:
      throw ScriptError.runtime("\(function): item \(index + 1) must be a measure() record or a training run, got \(v.typeName)")
    }
    guard let joules = (field("joules") ?? field("energy_j"))?.number, joules >= 0 else {
      throw ScriptError.runtime("\(function): item \(index + 1) has no 'joules' or 'energy_j' number")
    }
    let seconds = (field("seconds") ?? field("duration"))?.number ?? 0
    var source = "unknown"
    if case .string(let s)? = field("source") ?? field("energy_source") { source = s }
    var estimated = source.contains("estimate")
    if case .bool(let b)? = field("estimated") ?? field("energy_estimated") { estimated = b }
    var model = ""
    if case .string(let s)? = field("model") ?? field("energy_model") { model = s }
    var runID = String(index + 1)
    if case .string(let s)? = field("run_id") ?? field("name") { runID = s }
    var timestamp = EnergyReading.unixNow()
    if case .string(let s)? = field("timestamp"), let t = EnergyLedger.unixTime(fromISO: s) { timestamp = t }
    var entry = LedgerEntry(timestamp: timestamp, projectName: project, runID: runID, seconds: seconds, joules: joules,
                            source: source, estimated: estimated, model: model, intensity: intensity)
    if case .record(let byDomain)? = field("by_domain") { split(byDomain, into: &entry) }
    return entry
  }

  /// CodeCarbon's cpu/gpu/ram columns from by_domain, counting what joule counts: RAPL
  /// package and dram, NVML GPUs, the estimate's cpu and ram (core, uncore, psys are nested).
  static func split(_ byDomain: Record, into e: inout LedgerEntry) {
    for (source, domains) in byDomain.pairs {
      guard case .record(let d) = domains else { continue }
      for (name, value) in d.pairs {
        guard let j = value.number else { continue }
        if source == "nvml" { e.gpuJoules += j }
        else if name.hasPrefix("package") || name == "cpu" { e.cpuJoules += j }
        else if name.hasPrefix("dram") || name == "ram" { e.ramJoules += j }
      }
    }
  }
}
