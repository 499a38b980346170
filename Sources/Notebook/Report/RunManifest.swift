import Foundation

/// The facts that make a notebook run reproducible, for the end of its report.
///
///     var m = RunManifest(started: Date())
///     m.add("joule", "0.2.0")
///     m.add("energy", "RAPL package-0 (measured)")
///
/// The machine line (host, OS, CPU model and count) is read here; what the notebook module
/// cannot know (joule's version, the energy sources) the caller adds.
public struct RunManifest {
  public private(set) var entries: [(String, String)] = []

  public init(started: Date, extra: [(String, String)] = []) {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    entries.append(("date", f.string(from: started)))
    entries.append(("machine", Self.machine))
    entries += extra
  }

  public mutating func add(_ key: String, _ value: String) { entries.append((key, value)) }

  /// "hostname, Linux 6.1.0, Intel(R) Xeon(R) ... , 2 CPUs".
  public static var machine: String {
    let info = ProcessInfo.processInfo
    var parts = [info.hostName]
    var u = utsname()
    if uname(&u) == 0 {
      let sys = withUnsafePointer(to: &u.sysname) { $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) } }
      let rel = withUnsafePointer(to: &u.release) { $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) } }
      parts.append("\(sys) \(rel)")
    }
    if let cpu = cpuModel { parts.append(cpu) }
    parts.append("\(info.activeProcessorCount) CPUs")
    return parts.joined(separator: ", ")
  }

  /// The CPU model from /proc/cpuinfo (Linux), nil elsewhere.
  static var cpuModel: String? {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }

  /// Seeds written in the code (`seed: 7`, `seed = 7`), in order, once each.
  public static func seeds(in cells: [Cell]) -> [String] {
    var found: [String] = []
    let pattern = try! NSRegularExpression(pattern: #"\bseed\s*[:=]\s*(-?\d+)"#)
    for cell in cells where cell.kind == .code {
      let ns = cell.source as NSString
      for m in pattern.matches(in: cell.source, range: NSRange(location: 0, length: ns.length)) {
        let s = ns.substring(with: m.range(at: 1))
        if !found.contains(s) { found.append(s) }
      }
    }
    return found
  }
}
