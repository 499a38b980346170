import ArgumentParser
import Script

/// The process exit codes joule uses, from sysexits(3) so shells and CI read them as usual.
///
///     throw ExitCode(ExitStatus.syntaxError)   // 65
enum ExitStatus {
  static let ok: Int32 = 0
  /// EX_USAGE: a bad command line or a missing file.
  static let usage: Int32 = 64
  /// EX_DATAERR: the program does not parse.
  static let syntaxError: Int32 = 65
  /// EX_SOFTWARE: the program failed while running.
  static let runtimeError: Int32 = 70
  /// 128 + SIGINT, as shells report a program stopped by Ctrl-C.
  static let interrupted: Int32 = 130

  /// The exit code for an error a script ended with.
  static func code(for error: ScriptError) -> Int32 {
    switch error.kind {
    case .syntax: return syntaxError
    case .runtime: return runtimeError
    case .interrupted: return interrupted
    }
  }
}
