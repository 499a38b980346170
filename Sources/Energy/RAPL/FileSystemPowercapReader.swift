#if canImport(Glibc)
import Glibc
#endif

/// Reads powercap files with plain POSIX calls, so errors keep their errno (EACCES vs ENOENT).
///
///     let r = FileSystemPowercapReader()
///     try r.entries(in: "/sys/class/powercap")   // ["intel-rapl", "intel-rapl:0", ...]
///
/// One `open`/`read`/`close` per sample: sysfs files must be reopened (or re-seeked) to see a
/// fresh value, and this costs a few microseconds.
public struct FileSystemPowercapReader: PowercapReader {
  public init() {}

  public func contents(of path: String) throws -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw PowercapReadError.from(errno: errno, path: path) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 256) }
      if n < 0 { throw PowercapReadError.from(errno: errno, path: path) }
      if n == 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
      // sysfs attributes are one short line; a cap keeps a runaway file from eating memory.
      if bytes.count > 4096 { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  public func entries(in directory: String) throws -> [String] {
    guard let dir = opendir(directory) else { throw PowercapReadError.from(errno: errno, path: directory) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
