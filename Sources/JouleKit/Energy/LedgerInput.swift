import Energy
import Foundation
import Script

/// Reads ledger entries from language values: `measure` records, training runs (host objects
/// with `energy_j`), or lists of them.
///
///     let options = try LedgerInput.Options(args, function: "ledger")
///     LedgerInput.entries(.list([r1, r2]), options)
enum LedgerInput {
  /// What every row shares: project, experiment, grid.
  struct Options {
    var project: String
    var experiment: String
    var country: GridIntensity?
    var intensity: Double
    var function: String

    /// From `ledger`/`write_ledger`'s arguments: country:, else JOULE_COUNTRY, else the world
    /// average; intensity: overrides the country's figure.
    init(_ args: BoundArguments, function: String) throws {
      self.function = function
      project = try args.string("project")
      experiment = try args.optionalString("experiment") ?? LedgerEntry.processExperimentID
      do {
        country = try GridIntensity.resolve(country: try args.optionalString("country"),
                                            environment: ProcessInfo.processInfo.environment)
        intensity = try Carbon.intensity(explicit: try args.optionalDouble("intensity"), country: country)
      } catch let e as CarbonError {
        throw ScriptError.runtime("\(function): \(e)")
      }
    }
  }

  static func entries(_ value: Value, _ options: Options) throws -> [LedgerEntry] {
    let items: [Value]
    if case .list(let l) = value { items = l } else { items = [value] }
    return try items.enumerated().map { i, v in try entry(v, index: i, options) }
  }

  static func entry(_ v: Value, index: Int, _ o: Options) throws -> LedgerEntry {
    let field: (String) -> Value?
    switch v {
    case .record(let r): field = { r.valueOrAlias($0) }
    case .host(let h): field = { h.field($0) }
    default:
      throw ScriptError.runtime("\(o.function): item \(index + 1) must be a measure() record or a training run, got \(v.typeName)")
    }
    guard let joules = field("energy_j")?.number, joules >= 0 else {
      throw ScriptError.runtime("\(o.function): item \(index + 1) has no 'energy_j' number")
    }
    let seconds = (field("seconds") ?? field("duration"))?.number ?? 0
    var source = "unknown"
    if case .string(let s)? = field("energy_source") { source = s }
    var estimated = source.contains("estimate")
    if case .bool(let b)? = field("estimated") { estimated = b }
    var model = ""
    if case .string(let s)? = field("energy_model") { model = s }
    var runID = LedgerEntry.newRunID()
    if case .string(let s)? = field("run_id"), !s.isEmpty { runID = s }
    var timestamp = EnergyReading.unixNow()
    if case .string(let s)? = field("timestamp"), let t = EnergyLedger.unixTime(fromISO: s) { timestamp = t }
    var mode: String?
    if case .string(let s)? = field("tracking_mode"), s == "process" || s == "machine" { mode = s }
    var entry = LedgerEntry(timestamp: timestamp, projectName: o.project, runID: runID, experimentID: o.experiment,
                            seconds: seconds, joules: joules, source: source, estimated: estimated, model: model,
                            country: o.country, trackingMode: mode)
    entry.intensity = o.intensity
    if case .string(let s)? = field("energy_scope"), let scope = EnergyScope(rawValue: s) { entry.scope = scope }
    if estimated, let low = field("energy_low_j")?.number, let high = field("energy_high_j")?.number {
      entry.interval = (low, high)
    }
    if case .record(let byDomain)? = field("by_domain") { split(byDomain, into: &entry) }
    return entry
  }

  /// CodeCarbon's cpu/gpu/ram columns from by_domain, counting what joule counts: RAPL
  /// package and dram, NVML GPUs, the estimate's cpu and ram (core, uncore, psys are nested).
  static func split(_ byDomain: Record, into e: inout LedgerEntry) {
    var gpus = 0
    for (source, domains) in byDomain.pairs {
      guard case .record(let d) = domains else { continue }
      for (name, value) in d.pairs {
        guard let j = value.number else { continue }
        if source == "nvml" { e.gpuJoules += j; gpus += 1 }
        else if name.hasPrefix("package") || name == "cpu" { e.cpuJoules += j }
        else if name.hasPrefix("dram") || name == "ram" { e.ramJoules += j }
      }
    }
    if gpus > 0 { e.gpuCount = gpus }
  }
}
