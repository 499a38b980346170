import Foundation

/// What this process uses right now: CPU time over all its threads and resident memory.
///
///     let cpu = ProcessUsage.cpuSeconds()        // 12.4: user + system, every thread
///     let rss = ProcessUsage.residentBytes()     // 182_452_224
public enum ProcessUsage {
  /// CPU seconds consumed by every thread of the process (OpenBLAS workers included).
  public static func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// Resident set size from /proc/self/statm (second field, in pages); 0 when unreadable.
  public static func residentBytes() -> Double {
    guard let text = try? FileSystemPowercapReader().contents(of: "/proc/self/statm") else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// Logical CPUs this process may run on (Foundation reads the affinity mask and cgroup quota).
  public static func logicalCPUs() -> Int {
    max(1, ProcessInfo.processInfo.activeProcessorCount)
  }
}
