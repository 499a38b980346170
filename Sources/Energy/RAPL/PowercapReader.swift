#if canImport(Glibc)
import Glibc
#endif

/// How the RAPL meter reads the powercap tree: a seam, so tests can refuse reads the way a
/// kernel refuses a non-root user (tests run as root, where chmod cannot deny anything).
///
///     let reader: PowercapReader = FileSystemPowercapReader()
///     let text = try reader.contents(of: "/sys/class/powercap/intel-rapl:0/energy_uj")
public protocol PowercapReader {
  /// The whole file as text.
  func contents(of path: String) throws -> String
  /// Names of the entries in a folder (symlinks included), unsorted.
  func entries(in directory: String) throws -> [String]
}

/// Why a powercap file could not be read.
public enum PowercapReadError: Error, Equatable, CustomStringConvertible {
  /// EACCES or EPERM: since CVE-2020-8694 kernels make energy_uj readable by root only.
  case permissionDenied(String)
  /// ENOENT or ENOTDIR: no such file (or it vanished, e.g. a hot-unplugged package).
  case missing(String)
  case failed(String, errno: Int32)

  public var description: String {
    switch self {
    case .permissionDenied(let p): return "\(p): permission denied"
    case .missing(let p): return "\(p): no such file"
    case .failed(let p, let e): return "\(p): \(String(cString: strerror(e)))"
    }
  }

  static func from(errno code: Int32, path: String) -> PowercapReadError {
    switch code {
    case EACCES, EPERM: return .permissionDenied(path)
    case ENOENT, ENOTDIR: return .missing(path)
    default: return .failed(path, errno: code)
    }
  }
}
