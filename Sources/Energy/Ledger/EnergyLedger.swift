#if canImport(Glibc)
import Glibc
#endif

/// Energy records as CodeCarbon's emissions.csv: its 38 columns in its order and units, then
/// joule's own four (`LedgerColumns`).
///
///     EnergyLedger.csv([entry])                        // header and one row
///     try EnergyLedger.append([entry], to: "emissions.csv")
///
/// Units follow CodeCarbon: duration in s, emissions in kg CO2e, emissions_rate in kg/s,
/// *_power in W (averages over the run), *_energy and energy_consumed in kWh, ram_total_size
/// in GiB. energy_consumed is the total (idle removed when asked); cpu/gpu/ram_energy are the
/// counted domains by kind. Fields joule cannot know (region, cloud, python_version,
/// utilisation, water, coordinates) are left empty rather than invented; on_cloud is "N" and
/// pue 1.0 because joule applies no data-centre overhead.
public enum EnergyLedger {
  /// Every column joule writes, in order.
  public static var columns: [String] { LedgerColumns.all }

  /// A ledger cell: text, number, whole number, flag, or nothing known.
  public enum Cell: Equatable {
    case text(String), number(Double), integer(Int), flag(Bool), empty

    public var csv: String {
      switch self {
      case .number(let d): return d.isFinite ? d.description : ""
      case .integer(let i): return String(i)
      case .flag(let b): return b ? "true" : "false"
      case .empty: return ""
      case .text(let s):
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
      }
    }
  }

  /// The row for one entry, in `columns` order.
  public static func row(_ e: LedgerEntry) -> [(String, Cell)] {
    let kwh = Carbon.kilowattHours(joules:)
    let kg = Carbon.grams(joules: e.joules, intensity: e.intensity) / 1000
    let perSecond = { (j: Double) in e.seconds > 0 ? j / e.seconds : 0 }
    func optional(_ s: String?) -> Cell { s.map { .text($0) } ?? .empty }
    let m = e.machine
    let cells: [Cell] = [
      .text(isoTimestamp(e.timestamp)), .text(e.projectName), .text(e.runID), .text(e.experimentID),
      .number(e.seconds), .number(kg), .number(e.seconds > 0 ? kg / e.seconds : 0),
      .number(perSecond(e.cpuJoules)), .number(perSecond(e.gpuJoules)), .number(perSecond(e.ramJoules)),
      .number(kwh(e.cpuJoules)), .number(kwh(e.gpuJoules)), .number(kwh(e.ramJoules)), .number(kwh(e.joules)),
      .empty,                                                      // water_consumed
      optional(e.country?.countryName), optional(e.country?.isoCode),
      .empty, .empty, .empty,                                      // region, cloud_provider, cloud_region
      optional(m.os), .empty, .empty,                              // python_version, codecarbon_version
      m.cpuCount.map { .integer($0) } ?? .empty, optional(m.cpuModel),
      e.gpuCount.map { .integer($0) } ?? .empty, .empty,           // gpu_model
      .empty, .empty,                                              // longitude, latitude
      m.ramTotalGiB.map { .number($0) } ?? .empty,
      .text(e.trackingMode),
      .empty, .empty, .empty, .empty,                              // utilisation percentages, ram_used_gb
      .text("N"), .number(1.0), .empty,                            // on_cloud, pue, wue
      .text(e.source), .flag(e.estimated), .text(e.model), .number(e.intensity),
      .text(e.scope.rawValue), e.interval.map { .number($0.low) } ?? .empty, e.interval.map { .number($0.high) } ?? .empty,
    ]
    return Array(zip(columns, cells))
  }

  /// Header and rows as CSV text, with every column or only `columns` (in that order).
  public static func csv(_ entries: [LedgerEntry], header: Bool = true, columns chosen: [String]? = nil) -> String {
    let names = chosen ?? columns
    var lines = header ? [names.joined(separator: ",")] : []
    for e in entries {
      let cells = Dictionary(row(e), uniquingKeysWith: { a, _ in a })
      lines.append(names.map { (cells[$0] ?? LedgerColumns.former[$0].flatMap { cells[$0] } ?? .empty).csv }
        .joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "2026-11-27T10:04:36" in UTC, as CodeCarbon writes timestamps.
  public static func isoTimestamp(_ unix: Double) -> String {
    var t = time_t(unix)
    var parts = tm()
    gmtime_r(&t, &parts)
    func pad(_ v: Int32, _ n: Int = 2) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
      + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
  }
}

extension EnergyLedger {
  /// Unix seconds from "2026-11-27T10:04:36" (UTC), or nil when the text is not that shape.
  public static func unixTime(fromISO text: String) -> Double? {
    let digits = text.split(whereSeparator: { "-T:Z ".contains($0) }).map { Int32($0) }
    guard digits.count == 6, digits.allSatisfy({ $0 != nil }) else { return nil }
    var parts = tm()
    parts.tm_year = digits[0]! - 1900
    parts.tm_mon = digits[1]! - 1
    parts.tm_mday = digits[2]!
    parts.tm_hour = digits[3]!
    parts.tm_min = digits[4]!
    parts.tm_sec = digits[5]!
    return Double(timegm(&parts))
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
