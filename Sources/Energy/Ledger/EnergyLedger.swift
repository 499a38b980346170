#if canImport(Glibc)
import Glibc
#endif

/// Energy records as CSV that CodeCarbon's tools read: its emissions.csv column names and
/// units where they overlap, then joule's own columns.
///
///     EnergyLedger.columns.prefix(4)       // timestamp, project_name, run_id, duration
///     try EnergyLedger.append([entry], to: "emissions.csv")
///
/// Units follow CodeCarbon: duration in s, emissions in kg CO2e, emissions_rate in kg/s,
/// *_power in W (averages), *_energy and energy_consumed in kWh. energy_consumed is the
/// total (idle removed when asked); cpu/gpu/ram_energy are the counted domains by kind.
/// joule adds energy_source, estimated, estimate_model and carbon_intensity (g/kWh).
public enum EnergyLedger {
  public static let columns = [
    "timestamp", "project_name", "run_id", "duration", "emissions", "emissions_rate",
    "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
    "energy_source", "estimated", "estimate_model", "carbon_intensity",
  ]

  /// A ledger cell: text, number or flag.
  public enum Cell: Equatable {
    case text(String), number(Double), flag(Bool)

    var csv: String {
      switch self {
      case .number(let d): return d.description
      case .flag(let b): return b ? "true" : "false"
      case .text(let s):
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
      }
    }
  }

  /// The row for one entry, in `columns` order.
  public static func row(_ e: LedgerEntry) -> [(String, Cell)] {
    let kwh = Carbon.kilowattHours(joules:)
    let kg = Carbon.grams(joules: e.joules, intensity: e.intensity) / 1000
    let perSecond = { (j: Double) in e.seconds > 0 ? j / e.seconds : 0 }
    let cells: [Cell] = [
      .text(isoTimestamp(e.timestamp)), .text(e.projectName), .text(e.runID), .number(e.seconds),
      .number(kg), .number(e.seconds > 0 ? kg / e.seconds : 0),
      .number(perSecond(e.cpuJoules)), .number(perSecond(e.gpuJoules)), .number(perSecond(e.ramJoules)),
      .number(kwh(e.cpuJoules)), .number(kwh(e.gpuJoules)), .number(kwh(e.ramJoules)), .number(kwh(e.joules)),
      .text(e.source), .flag(e.estimated), .text(e.model), .number(e.intensity),
    ]
    return Array(zip(columns, cells))
  }

  /// Header and rows as CSV text.
  public static func csv(_ entries: [LedgerEntry], header: Bool = true) -> String {
    var lines = header ? [columns.joined(separator: ",")] : []
    for e in entries { lines.append(row(e).map { $0.1.csv }.joined(separator: ",")) }
    return lines.joined(separator: "\n") + "\n"
  }

  public enum Failure: Error, CustomStringConvertible {
    case cannotWrite(String, String)
    case otherHeader(String)

    public var description: String {
      switch self {
      case .cannotWrite(let p, let why): return "cannot write ledger \(p): \(why)"
      case .otherHeader(let p): return "\(p) has other columns than a joule ledger; choose a new file"
      }
    }
  }

  /// Appends rows to a CSV file as CodeCarbon does with emissions.csv, writing the header
  /// when the file is new or empty.
  public static func append(_ entries: [LedgerEntry], to path: String) throws {
    let existing = try? FileSystemPowercapReader().contents(of: path)
    let isNew = (existing ?? "").isEmpty
    if let existing, !isNew, !existing.hasPrefix(columns.joined(separator: ",")) {
      throw Failure.otherHeader(path)
    }
    guard let f = fopen(path, "a") else { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
    defer { fclose(f) }
    let text = csv(entries, header: isNew)
    if fputs(text, f) < 0 { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
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
