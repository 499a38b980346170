import Foundation

/// An external program to run: its argument vector and what it starts with. No shell is
/// involved; write `["sh", "-c", "..."]` to have one.
///
///     var c = Command(["python3", "train.py", "--lr", "0.01"])
///     c.timeout = 600
///     c.environment = ["OMP_NUM_THREADS": "1"]      // added to joule's own environment
///     let result = try CommandRunner().run(c)
public struct Command: Sendable {
  /// Where the program's standard input comes from.
  public enum Input: Sendable, Equatable {
    /// /dev/null: a program that reads stdin sees end of file at once.
    case empty
    /// These bytes, then end of file.
    case bytes([UInt8])
    /// joule's own standard input (`joule measure`).
    case inherit

    /// True for `.bytes`: joule has input to write while the program runs.
    var isBytes: Bool {
      if case .bytes = self { return true }
      return false
    }
  }

  /// The program (a path, or a name looked up in PATH) and its arguments.
  public var arguments: [String]
  /// Variables set on top of joule's environment (`JOULE_REPORT_FD` is added by the runner).
  public var environment: [String: String] = [:]
  /// The folder the program starts in; nil: joule's.
  public var workingDirectory: String?
  public var input: Input = .empty
  /// Seconds before the tree is stopped; nil: no limit.
  public var timeout: Double?
  /// Seconds between SIGTERM and SIGKILL when the tree is stopped. Two seconds is what
  /// `timeout --kill-after` users commonly pick: enough to flush a checkpoint, short enough
  /// that Ctrl-C still feels immediate.
  public var gracePeriod: Double = 2
  /// False leaves stdout and stderr as joule's own (`joule measure`): nothing is captured.
  public var capturesOutput = true
  /// Runs the program in a process group of its own, so that a timeout or Ctrl-C can stop
  /// the whole tree. `joule measure` keeps the program in joule's group instead, so that it
  /// stays in the terminal's foreground and Ctrl-C reaches it directly.
  public var ownProcessGroup = true

  public init(_ arguments: [String]) {
    self.arguments = arguments
  }

  /// The program's name as the user wrote it, for messages.
  public var programName: String { arguments.first ?? "" }
}
