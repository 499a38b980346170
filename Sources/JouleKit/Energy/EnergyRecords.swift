import Energy
import Script

/// Energy readings and statuses as language values.
///
///     EnergyRecords.measurement(reading, value: .int(42))
///     // {value: 42, joules: 3.1, by_domain: {estimate: {cpu: 3.0, ram: 0.1}}, seconds: 0.5, ...}
enum EnergyRecords {
  /// {rapl: {package-0: 12.1, core: 9.0, dram: 1.3}}: every domain, counted or shown only.
  static func byDomain(_ r: EnergyReading) -> Record {
    Record(r.byDomain.map { s in
      (s.source, .record(Record(s.domains.map { ($0.name, .float($0.joules)) })))
    })
  }

  /// What `measure` returns. `model` is present exactly when the figures are estimated;
  /// `share`, when given, is joule's process tree's part of the machine's busy CPU time.
  static func measurement(_ r: EnergyReading, value: Value, idleSubtracted: Bool = false, share: Double? = nil) -> Record {
    var rec = Record()
    rec["value"] = value
    rec["joules"] = .float(r.joules)
    rec["by_domain"] = .record(byDomain(r))
    rec["seconds"] = .float(r.seconds)
    rec["watts"] = .float(r.watts)
    rec["source"] = .string(r.source)
    rec["estimated"] = .bool(r.estimated)
    if r.estimated { rec["model"] = .string(r.model ?? "estimate") }
    if idleSubtracted { rec["idle_joules"] = .float(r.idleJoules) }
    if let share {
      rec["cpu_share"] = .float(share)
      rec["process_joules"] = .float(r.joules * share)
    }
    rec["timeline"] = .list(r.timeline.map { .record(Record([("t", .float($0.t)), ("watts", .float($0.watts))])) })
    if !r.notes.isEmpty { rec["notes"] = .list(r.notes.map { .string($0) }) }
    // The meters' own time over the window's: what measuring cost (the issue's < 1% budget).
    rec["overhead"] = .float(r.overhead)
    rec["timestamp"] = .string(EnergyLedger.isoTimestamp(r.endedAt))
    return rec
  }

  /// One row of `meters()`.
  static func status(_ s: MeterStatus) -> Record {
    Record([("source", .string(s.source)), ("found", .bool(s.found)), ("readable", .bool(s.readable)),
            ("kind", .string(s.kind.rawValue)), ("in_use", .bool(s.inUse)), ("why", .string(s.why))])
  }
}

extension EnergyLedger.Cell {
  var text: String {
    switch self {
    case .text(let s): return s
    case .number(let d): return d.description
    case .integer(let i): return String(i)
    case .flag(let b): return b ? "true" : "false"
    case .empty: return ""
    }
  }

  var value: Value {
    switch self {
    case .text(let s): return .string(s)
    case .number(let d): return .float(d)
    case .integer(let i): return .int(i)
    case .flag(let b): return .bool(b)
    case .empty: return .none
    }
  }
}
