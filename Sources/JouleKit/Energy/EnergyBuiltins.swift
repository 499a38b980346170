import Energy
import Foundation
import Script

#if canImport(Glibc)
import Glibc
#endif

/// The energy builtins: meters, measure, idle, co2, kwh, ledger, write_ledger, profile.
///
///     r = measure(fn() { train(m, data, epochs: 1) })
///     print(r.energy_j, r.energy_source, r.estimated)
enum EnergyBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(meters)
    registry.register(measure)
    registry.register(idle)
    registry.register(co2)
    registry.register(kwh)
    LedgerBuiltins.register(into: registry)
    ProfileBuiltin.register(into: registry)
  }

  static let meters = Builtin(
    "meters", [], family: "energy",
    doc: "The energy sources joule looked for: found, readable, measured or estimated, in use, and why."
  ) { _, _ in
    .table(EnergyMonitor.shared.statuses.map(EnergyRecords.status))
  }

  static let measure = Builtin(
    "measure",
    [Parameter("fn", .function, doc: "the work to measure, a function of no arguments"),
     Parameter("subtract_idle", .bool, default: .bool(false), doc: "remove the idle baseline from idle()"),
     Parameter("scope", .optional(.string), default: Value.none,
               doc: "what an estimate models for this measurement: package (RAPL's packages) or wall (the plug); "
                 + "default JOULE_ENERGY_SCOPE, else package. A readable counter stays package")],
    family: "energy",
    doc: """
      Runs fn and returns {value, energy_j, estimated, energy_source, energy_scope, energy_model, machine_energy_j, \
      seconds, cpu_seconds, by_domain, watts, cpu_share, timeline}. energy_j is joule's process tree's part of the \
      machine's joules (its CPU time over the machine's busy CPU time); machine_energy_j is the whole machine's over \
      the window (RAPL, NVML, or the estimate of the machine's busy CPU time).
      """
  ) { args, context in
    let subtract = try args.bool("subtract_idle")
    let baseline = EnergyMonitor.shared.idleWatts
    if subtract && baseline == nil {
      throw ScriptError.runtime("measure: subtract_idle needs an idle baseline: run idle(seconds: 5) first")
    }
    // A scope other than the process's gets a monitor of its own for this window.
    var monitor = EnergyMonitor.shared
    if let raw = try args.optionalString("scope") {
      guard let scope = EnergyScope(rawValue: raw.lowercased()) else {
        throw ScriptError.runtime("measure: scope must be \"package\" or \"wall\", got \"\(raw)\"")
      }
      if scope != monitor.scope && monitor.meters.contains(where: { $0.isEstimate }) {
        var environment = ProcessInfo.processInfo.environment
        environment["JOULE_ENERGY_SCOPE"] = scope.rawValue
        monitor = MeterSelection.detect(environment: environment).monitor()
      }
    }
    // This process and the children it waits for (command(), workers): whose joules they are.
    let window = monitor.begin()
    let tree = TreeShareWindow(root: getpid(), every: 1)
    let value: Value
    do {
      value = try context.call(args["fn"], Arguments())
    } catch {
      tree.stop()
      window.finish()
      throw error
    }
    let share = tree.finish()
    var reading = window.finish()
    if subtract, let baseline { reading = reading.subtractingIdle(watts: baseline) }
    return .record(EnergyRecords.measurement(reading, value: value, idleSubtracted: subtract, share: share))
  }

  static let idle = Builtin(
    "idle", [Parameter("seconds", .number, default: .int(5), doc: "how long to sit still")], family: "energy",
    doc: "Measures idle power for a few seconds and remembers it for measure(..., subtract_idle: true)."
  ) { args, context in
    let seconds = try args.double("seconds")
    guard seconds > 0, seconds <= 3600 else {
      throw ScriptError.runtime("idle: seconds must be between 0 and 3600, got \(seconds)")
    }
    let progress = ProgressLine(label: "idle")
    let start = MonotonicClock.now()
    let reading = EnergyMonitor.shared.measureIdle(seconds: seconds, shouldStop: {
      progress.update(String(format: "%.1f/%.1f s", MonotonicClock.now() - start, seconds))
      return Interrupt.requested
    })
    progress.clear()
    guard let reading else {
      try context.checkInterrupt()
      throw ScriptError.interrupted
    }
    return .record(EnergyRecords.idle(reading))
  }

  static let co2 = Builtin(
    "co2",
    [Parameter("joules", .any, doc: "joules, or a record with an 'energy_j' field"),
     Parameter("country", .optional(.string), default: Value.none,
               doc: "ISO 3166-1 alpha-3 code of the grid (\"NLD\"); default $JOULE_COUNTRY, else the world average"),
     Parameter("intensity", .optional(.number), default: Value.none,
               doc: "grid intensity in g CO2e/kWh, overriding the country's; 475 is CodeCarbon's world average")],
    family: "energy",
    doc: "Grams of CO2-equivalent for an amount of energy on a country's grid (Our World in Data / Ember figures)."
  ) { args, _ in
    let intensity: Double
    do {
      let country = try GridIntensity.resolve(country: try args.optionalString("country"),
                                              environment: ProcessInfo.processInfo.environment)
      intensity = try Carbon.intensity(explicit: try args.optionalDouble("intensity"), country: country)
    } catch let e as CarbonError {
      throw ScriptError.runtime("co2: \(e)")
    }
    return .float(Carbon.grams(joules: try joules(args["joules"], in: "co2"), intensity: intensity))
  }

  static let kwh = Builtin(
    "kwh", [Parameter("joules", .any, doc: "joules, or a record with an 'energy_j' field")],
    family: "energy", doc: "Kilowatt-hours in an amount of energy (1 kWh = 3.6 MJ)."
  ) { args, _ in
    .float(Carbon.kilowattHours(joules: try joules(args["joules"], in: "kwh")))
  }

  /// A number of joules from a number, a measure record or a training run.
  static func joules(_ v: Value, in function: String) throws -> Double {
    let j: Double?
    switch v {
    case .int, .float: j = v.number
    case .record(let r): j = r.valueOrAlias("energy_j")?.number
    case .host(let h): j = h.field("energy_j")?.number
    default: j = nil
    }
    guard let j else {
      throw ScriptError.runtime("\(function): 'joules' must be a number or have an 'energy_j' field, got \(v.typeName)")
    }
    guard j >= 0, j.isFinite else { throw ScriptError.runtime("\(function): joules must be a non-negative number, got \(j)") }
    return j
  }
}
