#if canImport(Glibc)
import Glibc
#endif

/// What a ledger says about the machine, in CodeCarbon's columns: os, cpu_count, cpu_model,
/// ram_total_size (GiB, as CodeCarbon's psutil total / 1024³). Anything unreadable stays nil
/// and its column empty.
///
///     MachineFacts.current.cpuCount    // 2
///     MachineFacts.current.os          // "Linux-6.1.0-18-amd64-x86_64"
public struct MachineFacts: Equatable, Sendable {
  public var os: String?
  public var cpuCount: Int?
  public var cpuModel: String?
  public var ramTotalGiB: Double?

  public init(os: String? = nil, cpuCount: Int? = nil, cpuModel: String? = nil, ramTotalGiB: Double? = nil) {
    self.os = os
    self.cpuCount = cpuCount
    self.cpuModel = cpuModel
    self.ramTotalGiB = ramTotalGiB
  }

  /// Nothing known: every machine column empty.
  public static let unknown = MachineFacts()

  /// This machine, read once: uname, the online CPUs, /proc/cpuinfo and /proc/meminfo.
  public static let current: MachineFacts = {
    let reader = FileSystemPowercapReader()
    var facts = MachineFacts()
    var u = utsname()
    if uname(&u) == 0 {
      func text<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      }
      // platform.platform()'s first three parts, which CodeCarbon writes: system-release-machine.
      facts.os = "\(text(u.sysname))-\(text(u.release))-\(text(u.machine))"
    }
    let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    if online > 0 { facts.cpuCount = online }
    if let info = try? reader.contents(of: "/proc/cpuinfo") { facts.cpuModel = CPUPowerModel.modelName(info) }
    if let mem = try? reader.contents(of: "/proc/meminfo") { facts.ramTotalGiB = memTotalGiB(mem) }
    return facts
  }()

  /// "MemTotal:  24615424 kB" as GiB.
  static func memTotalGiB(_ meminfo: String) -> Double? {
    for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
      let parts = line.split(separator: " ")
      if parts.count >= 2, let kb = Double(parts[1]) { return kb * 1024 / (1024 * 1024 * 1024) }
    }
    return nil
  }
}
