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
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      // Foundation's message carries the line and column of the fault.
      throw CalibrationError.file(path, "not valid JSON: \((error as NSError).debugDescription)")
    }
    guard let root = object as? [String: Any] else { throw CalibrationError.file(path, "the top level must be an object") }
    guard root["format"] as? String == format else {
      throw CalibrationError.file(path, "\"format\" must be \"\(format)\"; this is not a joule calibration file")
    }
    guard let v = root["version"] as? Int, v == version else {
      throw CalibrationError.file(path, "\"version\" is \(root["version"].map { "\($0)" } ?? "missing"); joule reads version \(version)")
    }
    guard let cpus = root["cpus"] as? [String: Any] else { throw CalibrationError.file(path, "\"cpus\" must be an object keyed by CPU model") }
    var out: [String: CPUCalibration] = [:]
    for (model, value) in cpus {
      let at = "cpus → '\(model)'"
      guard let e = value as? [String: Any] else { throw CalibrationError.file(path, "\(at) must be an object") }
      func number(_ key: String) throws -> Double {
        guard let n = e[key] as? NSNumber, !(e[key] is Bool) else { throw CalibrationError.file(path, "\(at) → \(key) must be a number") }
        return n.doubleValue
      }
      guard let curve = e["curve"] as? [NSNumber] else { throw CalibrationError.file(path, "\(at) → curve must be a list of numbers") }
      guard let cpusCount = e["logical_cpus"] as? Int else { throw CalibrationError.file(path, "\(at) → logical_cpus must be an integer") }
      let date = (e["date"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
      guard let date else { throw CalibrationError.file(path, "\(at) → date must be an ISO 8601 time, e.g. \"2026-12-06T22:40:00Z\"") }
      if let scope = e["scope"] as? String, scope != EnergyScope.package.rawValue {
        throw CalibrationError.file(path, "\(at) → scope is '\(scope)'; calibrations are RAPL package power ('package')")
      }
      var c = CPUCalibration(cpuModel: model, logicalCPUs: cpusCount, idleWatts: try number("idle_w"),
                             maxWatts: try number("max_w"), curve: curve.map(\.doubleValue),
                             date: date.timeIntervalSince1970, sourcePath: path)
      c.points = ((e["points"] as? [[String: Any]]) ?? []).compactMap(point)
      if let problem = c.problem { throw CalibrationError.file(path, "\(at): \(problem)") }
      out[model] = c
    }
    return out
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

  static func point(_ d: [String: Any]) -> SweepPoint? {
    guard let w = (d["work"] as? String).flatMap(SweepWork.init(rawValue:)),
          let load = (d["load"] as? NSNumber)?.doubleValue, let u = (d["utilisation"] as? NSNumber)?.doubleValue,
          let s = (d["seconds"] as? NSNumber)?.doubleValue, let j = (d["joules"] as? NSNumber)?.doubleValue else { return nil }
    return SweepPoint(work: w, load: load, utilisation: u, seconds: s, joules: j)
  }
}
