#if canImport(Glibc)
import Glibc
#endif

/// The files joule reads to know the machine (/proc/cpuinfo, /proc/meminfo, /sys/...), behind
/// one seam so tests give fixtures laid out as the real files.
///
///     let files = MachineFiles(contents: ["/proc/cpuinfo": "model name\t: AMD EPYC\n..."])
///     files.read("/proc/cpuinfo")            // the fixture; nil for any other path
///     MachineFiles.system.read("/proc/meminfo")
public struct MachineFiles: Sendable {
  public let read: @Sendable (String) -> String?

  public init(read: @escaping @Sendable (String) -> String?) {
    self.read = read
  }

  /// Fixed contents by path: a machine that has exactly these files.
  public init(contents: [String: String]) {
    self.read = { contents[$0] }
  }

  /// The files under `root` at their real paths: `root + "/proc/cpuinfo"` for "/proc/cpuinfo".
  /// A copy of another machine's /proc and /sys, laid out as they are.
  public init(root: String) {
    self.read = { MachineFiles.system.read(root + $0) }
  }

  /// This machine's files. /proc and /sys files are small; the powercap reader's plain POSIX
  /// reads serve, but /proc/cpuinfo outgrows its 4 KiB cap on many-core machines, so it is
  /// read whole here.
  public static let system = MachineFiles { path in
    guard let f = fopen(path, "r") else { return nil }
    defer { fclose(f) }
    var out = [UInt8]()
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buf, 1, buf.count, f)
      if n <= 0 { break }
      out += buf[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
  }
}
