import Foundation

/// What this process holds right now: its resident memory.
///
///     let rss = ProcessUsage.residentBytes()     // 182_452_224
public enum ProcessUsage {
  /// Resident set size from /proc/self/statm (second field, in pages); 0 when unreadable.
  public static func residentBytes() -> Double {
    guard let text = try? FileSystemPowercapReader().contents(of: "/proc/self/statm") else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
  }
}
