#if canImport(Glibc)
import Glibc
#endif

/// Finds the file a program name stands for, as the shell would, so that a missing or
/// unusable program is reported by name before anything starts.
///
///     try ProgramLookup.resolve("python3", path: "/usr/local/bin:/usr/bin")  // "/usr/bin/python3"
///     try ProgramLookup.resolve("./train.py", path: nil, in: "/work/nb")    // "/work/nb/./train.py"
enum ProgramLookup {
  /// A name with a slash is a path (relative to `directory` when given); any other name is
  /// searched in `path` (PATH's folders, empty entries meaning the current folder).
  static func resolve(_ program: String, path: String?, in directory: String? = nil) throws -> String {
    guard !program.isEmpty else { throw CommandError.notFound(program: program, searched: nil) }
    if program.contains("/") {
      let full = program.hasPrefix("/") || directory == nil ? program : directory! + "/" + program
      return try check(program, full, alone: true)!
    }
    let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
    var denied: String?
    for folder in folders {
      let base = folder.isEmpty ? (directory ?? ".") : String(folder)
      let candidate = base + "/" + program
      do {
        if let found = try check(program, candidate, alone: false) { return found }
      } catch CommandError.notExecutable(_, let p) {
        denied = denied ?? p
      }
    }
    if let denied { throw CommandError.notExecutable(program: program, path: denied) }
    if access((directory ?? ".") + "/" + program, F_OK) == 0 { throw CommandError.notFoundButLocal(program: program) }
    throw CommandError.notFound(program: program, searched: path ?? "/usr/local/bin:/usr/bin:/bin")
  }

  /// The path when it is an executable file; nil when it does not exist (in a PATH search);
  /// throws when it exists but cannot be run (or, `alone`, does not exist).
  private static func check(_ program: String, _ candidate: String, alone: Bool) throws -> String? {
    var st = stat()
    guard stat(candidate, &st) == 0 else {
      if alone { throw CommandError.notFound(program: program, searched: nil) }
      return nil
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      if alone { throw CommandError.isDirectory(program: program, path: candidate) }
      return nil
    }
    guard access(candidate, X_OK) == 0 else { throw CommandError.notExecutable(program: program, path: candidate) }
    return candidate
  }
}
