import Foundation
import JSONText

/// The calibration file: calibrations keyed by CPU model name, as JSON (docs/energy.md,
/// "Calibration where a counter exists", gives the format).
///
///     let path = CalibrationFile.path(environment: env)         // JOULE_CALIBRATION, else the per-user default
///     let (c, note) = CalibrationFile.lookup(cpuModel: "AMD EPYC 9654", environment: env)
///     try CalibrationFile.save(calibration, to: path)            // adds or replaces that CPU's entry
///
/// One file holds any number of CPUs, so a lab can calibrate each kind of machine once and give
/// every user (and every VM of those CPUs) the same file.
public enum CalibrationFile {
  public static let format = "joule-calibration"
  public static let version = 1

  /// `JOULE_CALIBRATION`, else `$XDG_CONFIG_HOME/joule/calibration.json`, else
  /// `~/.config/joule/calibration.json` (the XDG base directory default).
  public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let p = environment["JOULE_CALIBRATION"], !p.isEmpty { return p }
    if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/joule/calibration.json" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.config/joule/calibration.json"
  }

  /// The calibration for `cpuModel` from the file `path(environment:)` names. No file (the
  /// per-user default absent) is no calibration and no note; a `JOULE_CALIBRATION` that names
  /// a missing file, an unreadable or malformed file, or a file without this CPU says so in
  /// `note`, and the estimate goes on without it.
  public static func lookup(cpuModel: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> (calibration: CPUCalibration?, note: String?) {
    let file = path(environment: environment)
    let explicit = environment["JOULE_CALIBRATION"].map { !$0.isEmpty } ?? false
    guard FileManager.default.fileExists(atPath: file) else {
      return (nil, explicit ? "JOULE_CALIBRATION=\(file): no such file; estimate not calibrated" : nil)
    }
    do {
      let all = try load(file)
      if let c = all[cpuModel] { return (c, nil) }
      let known = all.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return (nil, "\(file) has no calibration for '\(cpuModel)' (it has \(known.isEmpty ? "none" : known)); estimate not calibrated")
    } catch {
      return (nil, "\(error); estimate not calibrated")
    }
  }

  /// Every calibration in the file, by CPU model, each with `sourcePath` set.
  public static func load(_ path: String) throws -> [String: CPUCalibration] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CalibrationError.file(path, "cannot read the file")
    }
    // JSONDecoder, not JSONSerialization: on Linux the latter rounds the last digit of some
    // numbers, and a calibration read back must equal the one written.
    let file: FileText
    do {
      file = try JSONDecoder().decode(FileText.self, from: data)
    } catch let error as DecodingError {
      throw CalibrationError.file(path, Self.describe(error))
    }
    guard file.format == format else {
      throw CalibrationError.file(path, "\"format\" must be \"\(format)\"; this is not a joule calibration file")
    }
    guard file.version == version else {
      throw CalibrationError.file(path, "\"version\" is \(file.version.map(String.init) ?? "missing"); joule reads version \(version)")
    }
    guard let cpus = file.cpus else { throw CalibrationError.file(path, "\"cpus\" must be an object keyed by CPU model") }
    var out: [String: CPUCalibration] = [:]
    for (model, e) in cpus {
      let at = "cpus → '\(model)'"
      func need<T>(_ v: T?, _ key: String, _ what: String) throws -> T {
        guard let v else { throw CalibrationError.file(path, "\(at) → \(key) is missing; it must be \(what)") }
        return v
      }
      let date = try need(e.date.flatMap { ISO8601DateFormatter().date(from: $0) }, "date",
                          "an ISO 8601 time, e.g. \"2026-12-06T22:40:00Z\"")
      if let scope = e.scope, scope != EnergyScope.package.rawValue {
        throw CalibrationError.file(path, "\(at) → scope is '\(scope)'; calibrations are RAPL package power ('package')")
      }
      var c = CPUCalibration(cpuModel: model, logicalCPUs: try need(e.logical_cpus, "logical_cpus", "an integer"),
                             idleWatts: try need(e.idle_w, "idle_w", "a number"), maxWatts: try need(e.max_w, "max_w", "a number"),
                             curve: try need(e.curve, "curve", "a list of 11 numbers"),
                             date: date.timeIntervalSince1970, sourcePath: path)
      c.points = (e.points ?? []).compactMap { p in
        SweepWork(rawValue: p.work).map { SweepPoint(work: $0, load: p.load, utilisation: p.utilisation, seconds: p.seconds, joules: p.joules) }
      }
      if let problem = c.problem { throw CalibrationError.file(path, "\(at): \(problem)") }
      out[model] = c
    }
    return out
  }

  /// A decoding error as a place in the file and what was wrong there.
  static func describe(_ error: DecodingError) -> String {
    func place(_ path: [CodingKey]) -> String {
      path.isEmpty ? "" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: " → ") + ": "
    }
    switch error {
    case .typeMismatch(let type, let c): return place(c.codingPath) + "expected \(type == Double.self ? "a number" : type == Int.self ? "an integer" : "\(type)")"
    case .valueNotFound(_, let c): return place(c.codingPath) + "is null"
    case .keyNotFound(let k, let c): return place(c.codingPath) + "\(k.stringValue) is missing"
    case .dataCorrupted(let c):
      // The underlying error carries the line and column of the fault.
      let under = (c.underlyingError as NSError?).map { " (\($0.debugDescription))" } ?? ""
      return place(c.codingPath) + "not valid JSON: " + c.debugDescription + under
    @unknown default: return "\(error)"
    }
  }

  /// Writes `calibration` into the file at `path`, keeping the other CPUs' entries (and
  /// replacing this CPU's). Folders are made; the write is atomic. Returns the saved value.
  @discardableResult
  public static func save(_ calibration: CPUCalibration, to path: String) throws -> CPUCalibration {
    if let problem = calibration.problem { throw CalibrationError.fit(problem) }
    var cpus: [String: String] = [:]
    if FileManager.default.fileExists(atPath: path) {
      // A broken file is not silently overwritten: the user may want what is in it.
      for (model, c) in try load(path) { cpus[model] = entry(c) }
    }
    cpus[calibration.cpuModel] = entry(calibration)
    // Written by hand, not by JSONSerialization: Swift's shortest round-trip spelling of each
    // number keeps full precision (JSONSerialization on Linux rounds the last digit).
    let text = "{\n  \"format\": \(JSONString.quoted(format)),\n  \"version\": \(version),\n  \"cpus\": {\n"
      + cpus.keys.sorted().map { "    " + JSONString.quoted($0) + ": " + cpus[$0]! }.joined(separator: ",\n")
      + "\n  }\n}\n"
    let data = Data(text.utf8)
    let folder = (path as NSString).deletingLastPathComponent
    do {
      if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CalibrationError.file(path, "cannot write: \(error.localizedDescription)")
    }
    var saved = calibration
    saved.sourcePath = path
    return saved
  }

  /// One CPU's entry as JSON text, indented to sit under "cpus".
  static func entry(_ c: CPUCalibration) -> String {
    func list(_ xs: [Double]) -> String { "[" + xs.map(number).joined(separator: ", ") + "]" }
    let points = c.points.map { p in
      "        {\"work\": \(JSONString.quoted(p.work.rawValue)), \"load\": \(number(p.load)), "
        + "\"utilisation\": \(number(p.utilisation)), \"seconds\": \(number(p.seconds)), "
        + "\"joules\": \(number(p.joules)), \"watts\": \(number(p.watts))}"
    }
    return "{\n"
      + "      \"date\": \(JSONString.quoted(CPUCalibration.isoTimestamp(c.date))),\n"
      + "      \"scope\": \(JSONString.quoted(c.scope.rawValue)),\n"
      + "      \"logical_cpus\": \(c.logicalCPUs),\n"
      + "      \"idle_w\": \(number(c.idleWatts)),\n"
      + "      \"max_w\": \(number(c.maxWatts)),\n"
      + "      \"loads\": \(list(CPUCalibration.loads)),\n"
      + "      \"curve\": \(list(c.curve)),\n"
      + "      \"points\": [" + (points.isEmpty ? "]" : "\n" + points.joined(separator: ",\n") + "\n      ]") + "\n"
      + "    }"
  }

  /// A finite double in its shortest round-trip spelling ("0.1", "64.0" as "64").
  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
  }

  /// The file as JSON holds it; every field optional so a missing one gets its own message.
  struct FileText: Decodable {
    var format: String?
    var version: Int?
    var cpus: [String: EntryText]?
  }

  struct EntryText: Decodable {
    var logical_cpus: Int?
    var idle_w: Double?
    var max_w: Double?
    var curve: [Double]?
    var scope: String?
    var date: String?
    var points: [PointText]?
  }

  struct PointText: Decodable {
    var work: String
    var load: Double
    var utilisation: Double
    var seconds: Double
    var joules: Double
  }
}
