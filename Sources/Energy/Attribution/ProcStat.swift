#if canImport(Glibc)
import Glibc
#endif

/// Small readers of Linux's /proc: one process's `stat` line and the machine's CPU line.
///
///     ProcStat.process(4242)      // ProcStat.Process(pid: 4242, ppid: 1, ownTicks: 310, childTicks: 0, ...)
///     ProcStat.machineBusyTicks() // 1_203_456: user + nice + system + irq + softirq, all CPUs
///
/// Times are in clock ticks (`sysconf(_SC_CLK_TCK)`, 100 per second on Linux), as the kernel
/// writes them, so sums stay exact integers.
public enum ProcStat {
  /// What /proc/PID/stat says of one process (its threads included).
  public struct Process: Equatable, Sendable {
    public var pid: Int32
    public var ppid: Int32
    public var processGroup: Int32
    /// utime + stime: every thread of this process.
    public var ownTicks: Int64
    /// cutime + cstime: children this process has waited for (and what they had waited for).
    public var childTicks: Int64
    /// Resident pages (field 24).
    public var residentPages: Int64

    public init(pid: Int32, ppid: Int32, processGroup: Int32, ownTicks: Int64, childTicks: Int64, residentPages: Int64) {
      self.pid = pid
      self.ppid = ppid
      self.processGroup = processGroup
      self.ownTicks = ownTicks
      self.childTicks = childTicks
      self.residentPages = residentPages
    }
  }

  public static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
  public static let pageBytes = Double(sysconf(Int32(_SC_PAGESIZE)))

  /// Parses a /proc/PID/stat line. The command name sits in parentheses and may itself hold
  /// spaces and parentheses, so fields are counted from the last ')'.
  public static func parse(_ line: String) -> Process? {
    guard let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"),
          let pid = Int32(line[..<open].split(separator: " ").first ?? "") else { return nil }
    let f = line[line.index(after: close)...].split(separator: " ")
    // f[0] is field 3 (state): field n is f[n - 3].
    guard f.count > 21, let ppid = Int32(f[1]), let pgrp = Int32(f[2]),
          let utime = Int64(f[11]), let stime = Int64(f[12]),
          let cutime = Int64(f[13]), let cstime = Int64(f[14]), let rss = Int64(f[21]) else { return nil }
    return Process(pid: pid, ppid: ppid, processGroup: pgrp, ownTicks: utime + stime,
                   childTicks: cutime + cstime, residentPages: rss)
  }

  /// One process, or nil when it is gone (or /proc is not there).
  public static func process(_ pid: Int32, root: String = "/proc") -> Process? {
    read("\(root)/\(pid)/stat").flatMap(parse)
  }

  /// The children of every thread of `pid` (Linux's `task/TID/children`, CONFIG_PROC_CHILDREN);
  /// empty when it is gone or the kernel keeps no such lists.
  public static func children(of pid: Int32, root: String = "/proc") -> [Int32] {
    let tasks = "\(root)/\(pid)/task"
    var out: [Int32] = []
    for tid in numericEntries(tasks) {
      guard let text = read("\(tasks)/\(tid)/children") else { continue }
      out += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int32($0) }
    }
    return out
  }

  /// Every process on the machine now.
  public static func allProcesses(root: String = "/proc") -> [Process] {
    numericEntries(root).compactMap { process($0, root: root) }
  }

  /// The entries of a folder whose names are numbers: pids in /proc, thread ids in task/.
  static func numericEntries(_ path: String) -> [Int32] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var out: [Int32] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard let first = name.utf8.first, first >= 48, first <= 57, let n = Int32(name) else { continue }
      out.append(n)
    }
    return out
  }

  /// Non-idle CPU ticks of the whole machine since boot, from the first line of /proc/stat:
  /// user + nice + system + irq + softirq. Idle and iowait are not work; steal is time the
  /// hypervisor gave to other machines; guest time is already inside user.
  public static func machineBusyTicks(root: String = "/proc") -> Int64? {
    guard let text = read("\(root)/stat"), let line = text.split(separator: "\n").first,
          line.hasPrefix("cpu ") else { return nil }
    let v = line.split(separator: " ").dropFirst().compactMap { Int64($0) }
    guard v.count >= 7 else { return nil }
    return v[0] + v[1] + v[2] + v[5] + v[6]
  }

  /// `machineBusyTicks` in seconds (0 where /proc/stat cannot be read): what the estimate
  /// (`EstimateMeter`) follows.
  public static func machineBusySeconds() -> Double {
    Double(machineBusyTicks() ?? 0) / ticksPerSecond
  }

  /// The machine's online CPUs: those /proc/stat's first line adds up (not only the ones this
  /// process may use, since the estimate models the machine).
  public static func onlineCPUs() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// A small /proc file, or nil when it is gone. The powercap reader's plain POSIX reads serve
  /// here too; its 4 KiB cap keeps a stat line whole and /proc/stat's first (aggregate) line.
  static func read(_ path: String) -> String? {
    try? FileSystemPowercapReader().contents(of: path)
  }
}
