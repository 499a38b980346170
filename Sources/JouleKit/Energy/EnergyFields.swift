import Energy
import Foundation
import Script
import Tune
import Workload

/// The energy vocabulary every record that carries energy shares (docs/architecture.md, "Seams
/// between the 0.3 issues"): the one place that spells `energy_j`, `estimated`,
/// `energy_source`, `energy_scope`, `energy_low_j`/`energy_high_j`, `energy_model`,
/// `machine_energy_j`, `seconds` and `cpu_seconds`.
///
///     var rec = Record()
///     EnergyFields(reading).write(into: &rec)
///     // {energy_j: 1.56, estimated: true, energy_source: "estimate(specpower-package)", energy_scope: "package",
///     //  energy_low_j: 1.2, energy_high_j: 2.0, energy_model: "...", seconds: 0.17, cpu_seconds: 0.3}
///
/// The interval and the model are written exactly when the figure is estimated; the machine's
/// joules exactly when `energy_j` is a process tree's share of them.
struct EnergyFields {
  var joules: Double
  var estimated: Bool
  var source: String
  var scope: EnergyScope = .package
  var interval: EnergyInterval?
  var model: String?
  var machineJoules: Double?
  var seconds: Double?
  var cpuSeconds: Double?
  /// The machine's busy CPU seconds where `cpuSeconds` is a process tree's own (`command()`).
  var machineCPUSeconds: Double?

  /// Every name written, in the order written.
  static let names = ["energy_j", "estimated", "energy_source", "energy_scope", "energy_low_j", "energy_high_j",
                      "energy_model", "machine_energy_j", "seconds", "cpu_seconds", "machine_cpu_seconds"]

  /// The names of 0.2 that still read, for one release (`FieldAliases`).
  static let aliases = ["joules": "energy_j", "energy_estimated": "estimated", "joules_estimated": "estimated",
                        "process_joules": "energy_j", "source": "energy_source"]

  init(joules: Double, estimated: Bool, source: String, scope: EnergyScope = .package, interval: EnergyInterval? = nil,
       model: String? = nil, machineJoules: Double? = nil, seconds: Double? = nil, cpuSeconds: Double? = nil) {
    self.joules = joules
    self.estimated = estimated
    self.source = source
    self.scope = scope
    self.interval = interval
    self.model = model
    self.machineJoules = machineJoules
    self.seconds = seconds
    self.cpuSeconds = cpuSeconds
  }

  /// A window's reading; with `share`, `energy_j` is the process tree's part of the machine's
  /// joules (and so is its interval), and `machine_energy_j` the whole.
  init(_ r: EnergyReading, share: Double? = nil) {
    let s = share ?? 1
    self.init(joules: r.joules * s, estimated: r.estimated, source: r.source, scope: r.scope,
              interval: r.interval.map { EnergyInterval(low: $0.low * s, high: $0.high * s) }, model: r.model,
              machineJoules: share == nil ? nil : r.joules, seconds: r.seconds, cpuSeconds: r.busyCPUSeconds)
  }

  init(_ r: EnergyWindow.Reading) { self.init(r.energy) }

  /// A program's tree: its share of the machine's joules.
  init(_ t: TreeEnergy) {
    self.init(joules: t.joules, estimated: t.estimated, source: t.source + ", " + t.attribution, scope: t.scope,
              interval: t.interval, model: t.model, machineJoules: t.machineJoules, seconds: t.seconds, cpuSeconds: t.cpuSeconds)
    machineCPUSeconds = t.machineCPUSeconds
  }

  /// A trial's recorded energy, or nil when it has none. The store keeps no model text, so an
  /// estimated trial names this machine's estimate (the one that measured it, unless the store
  /// came from another machine).
  init?(_ o: TrialOutcome) {
    guard let j = o.energyJ else { return nil }
    let estimated = o.energyEstimated == true
    // The store keeps no interval either: an estimated trial gets this machine's estimate's 80%
    // ratios around its joules, as its figure came from that estimate (docs/energy.md).
    let model = estimated ? EnergyMonitor.shared.meters.compactMap { ($0 as? EstimateMeter)?.model }.first : nil
    self.init(joules: j, estimated: estimated, source: o.energySource ?? (estimated ? "estimate" : "unknown"),
              scope: model?.scope ?? .package,
              interval: model.map { EnergyInterval(low: j * $0.intervalLow, high: j * $0.intervalHigh) },
              model: estimated ? EnergyMonitor.shared.modelDescription : nil, machineJoules: o.machineEnergyJ,
              seconds: o.seconds)
  }


  /// Writes the fields into `rec`: the ones that apply, in the vocabulary's order.
  func write(into rec: inout Record) {
    rec["energy_j"] = .float(joules)
    rec["estimated"] = .bool(estimated)
    rec["energy_source"] = .string(source)
    rec["energy_scope"] = .string(scope.rawValue)
    if estimated, let interval {
      rec["energy_low_j"] = .float(interval.low)
      rec["energy_high_j"] = .float(interval.high)
    }
    // An estimate always travels with its model and parameters.
    if estimated { rec["energy_model"] = .string(model ?? source) }
    if let machineJoules { rec["machine_energy_j"] = .float(machineJoules) }
    if let seconds { rec["seconds"] = .float(seconds) }
    if let cpuSeconds { rec["cpu_seconds"] = .float(cpuSeconds) }
    if let machineCPUSeconds { rec["machine_cpu_seconds"] = .float(machineCPUSeconds) }
  }

  /// The figures a table reads first: `energy_j`, `estimated`, `seconds`.
  func writeHead(into rec: inout Record) {
    rec["energy_j"] = .float(joules)
    rec["estimated"] = .bool(estimated)
    if let seconds { rec["seconds"] = .float(seconds) }
  }

  /// The rest, for the end of a table row, where a narrow terminal cuts first.
  func writeTail(into rec: inout Record) {
    var all = Record()
    write(into: &all)
    for (k, v) in all.pairs where rec[k] == nil { rec[k] = v }
  }

  /// The fields alone, as a record.
  var record: Record {
    var rec = Record()
    write(into: &rec)
    return rec
  }

  /// "1.56 J", "1.56 J estimated", "1.56 J (1.2–2.0, estimated)": the figure as summaries show it.
  var text: String {
    let j = EnergyFields.short(joules) + " J"
    guard estimated else { return j }
    guard let interval else { return j + " estimated" }
    return j + " (\(EnergyFields.short(interval.low))–\(EnergyFields.short(interval.high)), estimated)"
  }

  /// The same text from a record's fields, for summaries of records already built.
  static func text(of r: Record) -> String? {
    guard let j = r["energy_j"]?.number else { return nil }
    var f = EnergyFields(joules: j, estimated: r["estimated"]?.isTruthy ?? false,
                         source: r["energy_source"].map(\.printString) ?? "")
    if let lo = r["energy_low_j"]?.number, let hi = r["energy_high_j"]?.number { f.interval = EnergyInterval(low: lo, high: hi) }
    return f.text
  }

  /// Three significant digits, whole numbers from 100 up: what a summary line needs.
  static func short(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    if abs(x) >= 100 { return String(Int(x.rounded())) }
    var s = String(format: "%.3g", x)
    if s.contains("e") { s = String(format: "%.2e", x) }
    return s
  }

  /// Registers the old names once per process.
  static let registerAliases: Void = FieldAliases.register(aliases, until: "0.4")
}
