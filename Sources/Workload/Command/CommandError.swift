/// Why a program could not be started. Every message names the program.
///
///     CommandError.notFound(program: "pythn3", searched: "/usr/bin:/bin")
///     // "program 'pythn3' not found (searched PATH: /usr/bin:/bin)"
public enum CommandError: Error, Equatable, CustomStringConvertible {
  case emptyArguments
  /// `searched`: the PATH that was searched (nil when the program was given as a path).
  case notFound(program: String, searched: String?)
  /// Not in PATH, but a file of that name is in the working directory: "./name" was meant.
  case notFoundButLocal(program: String)
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
      guard let searched else { return "program '\(p)' not found" }
      // A long PATH would bury the name; its folders' count says enough.
      let folders = searched.split(separator: ":", omittingEmptySubsequences: false).count
      let where_ = searched.count <= 60 ? "searched PATH: \(searched)" : "searched the \(folders) folders of PATH"
      return "program '\(p)' not found (\(where_))"
    case .notFoundButLocal(let p):
      return "program '\(p)' not found in PATH; to run the file in the working directory, write './\(p)'"
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
