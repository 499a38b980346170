import Energy
import Script

/// Energy readings and statuses as language values.
///
///     EnergyRecords.measurement(reading, value: .int(42))
///     // <measure: 0.5 s, 3.1 J estimated, 6.2 W, value 42>, with energy_j, estimated, by_domain, ...
enum EnergyRecords {
  /// {rapl: {package-0: 12.1, core: 9.0, dram: 1.3}}: every domain, counted or shown only.
  static func byDomain(_ r: EnergyReading) -> Record {
    Record(r.byDomain.map { s in
      (s.source, .record(Record(s.domains.map { ($0.name, .float($0.joules)) })))
    })
  }

  /// What `measure` returns: the vocabulary's fields (`EnergyFields`), with `energy_j` the
  /// process tree's share when `share` is given, and the work's value, power and timeline.
  static func measurement(_ r: EnergyReading, value: Value, idleSubtracted: Bool = false, share: Double? = nil) -> Record {
    var rec = Record(kind: measurementKind, [])
    rec["value"] = value
    let fields = EnergyFields(r, share: share)
    fields.write(into: &rec)
    rec["by_domain"] = .record(byDomain(r))
    // The record's own power: its joules over its seconds, so the summary's figures agree.
    rec["watts"] = .float(r.seconds > 0 ? fields.joules / r.seconds : 0)
    if idleSubtracted { rec["idle_j"] = .float(r.idleJoules) }
    if let share { rec["cpu_share"] = .float(share) }
    rec["timeline"] = .list(r.timeline.map { .record(Record([("t", .float($0.t)), ("watts", .float($0.watts))])) })
    if !r.notes.isEmpty { rec["notes"] = .list(r.notes.map { .string($0) }) }
    // The meters' own time over the window's: what measuring cost (the issue's < 1% budget).
    rec["overhead"] = .float(r.overhead)
    rec["timestamp"] = .string(EnergyLedger.isoTimestamp(r.endedAt))
    return rec
  }

  /// `<measure: 0.53 s, 1.56 J (1.2–2.0, estimated), 2.94 W, value 42>`
  static let measurementKind = SummaryKind(head: "measure") { r in
    var parts: [String] = []
    if let s = r["seconds"]?.number { parts.append(EnergyFields.short(s) + " s") }
    if let e = EnergyFields.text(of: r) { parts.append(e) }
    if let w = r["watts"]?.number { parts.append(EnergyFields.short(w) + " W") }
    if let v = r["value"], !v.isNil, let f = SummaryKind.figure(v) { parts.append("value " + f) }
    return parts
  }

  /// What `idle` returns: the baseline's power and the vocabulary's fields.
  static func idle(_ r: EnergyReading) -> Record {
    var rec = Record(kind: idleKind, [("watts", .float(r.watts))])
    EnergyFields(r).write(into: &rec)
    return rec
  }

  /// `<idle: 3.19 W over 5 s, 16 J estimated>`
  static let idleKind = SummaryKind(head: "idle") { r in
    var parts: [String] = []
    if let w = r["watts"]?.number, let s = r["seconds"]?.number { parts.append("\(EnergyFields.short(w)) W over \(EnergyFields.short(s)) s") }
    if let e = EnergyFields.text(of: r) { parts.append(e) }
    return parts
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
