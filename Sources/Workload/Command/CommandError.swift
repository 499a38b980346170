/// Why a program could not be started. Every message names the program.
///
///     CommandError.notFound(program: "pythn3", searched: "/usr/bin:/bin")
///     // "program 'pythn3' not found (searched PATH: /usr/bin:/bin)"
public enum CommandError: Error, Equatable, CustomStringConvertible {
  case emptyArguments
  case notFound(program: String, searched: String?)
  case notExecutable(program: String, path: String)
  case isDirectory(program: String, path: String)
  case badWorkingDirectory(String)
  case spawnFailed(program: String, errno: Int32)
  case pipeFailed(errno: Int32)

  public var description: String {
    switch self {
    case .emptyArguments:
      return "no program given: the argument list is empty"
    case .notFound(let p, let searched):
      if let searched { return "program '\(p)' not found (searched PATH: \(searched))" }
      return "program '\(p)' not found"
    case .notExecutable(let p, let path):
      return "program '\(p)' is not executable (\(path): permission denied)"
    case .isDirectory(let p, let path):
      return "program '\(p)' is a directory (\(path)), not a program"
    case .badWorkingDirectory(let d):
      return "working directory '\(d)' does not exist or is not a directory"
    case .spawnFailed(let p, let e):
      return "program '\(p)' could not be started: \(String(cString: strerror(e)))"
    case .pipeFailed(let e):
      return "could not create a pipe: \(String(cString: strerror(e)))"
    }
  }
}

#if canImport(Glibc)
import Glibc
#endif
