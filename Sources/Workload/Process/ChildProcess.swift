import CSpawn
import Foundation

/// A started program: its pid, and its end once reaped.
///
///     let child = try ChildProcess.spawn(path: "/bin/sleep", arguments: ["sleep", "1"], ...)
///     child.hasExited       // true once it ended (still unreaped: its pid stays reserved)
///     child.reap()          // .exited(0)
final class ChildProcess {
  /// How a program ended.
  enum Termination: Equatable {
    case exited(Int32)
    case signalled(Int32)

    /// The shell's convention: the exit code, or 128 + the signal's number.
    var code: Int32 {
      switch self {
      case .exited(let c): return c
      case .signalled(let s): return 128 + s
      }
    }
  }

  let pid: pid_t
  /// The process group to signal: the program's own, or nil when it shares joule's.
  let group: pid_t?
  /// A descriptor readable once the program has ended (a pidfd), or -1 where the kernel has
  /// none: the runner's poll wakes at the exit, so the energy window ends with the program.
  let exitDescriptor: Int32
  private(set) var termination: Termination?

  private init(pid: pid_t, group: pid_t?) {
    self.pid = pid
    self.group = group
    // pidfd_open sets close-on-exec itself: no other program inherits it.
    exitDescriptor = joule_pidfd_open(pid)
  }

  deinit {
    if exitDescriptor >= 0 { close(exitDescriptor) }
  }

  /// Starts the program; descriptors of -1 keep joule's own.
  static func spawn(path: String, arguments: [String], environment: [String: String], directory: String?,
                    stdin: Int32, stdout: Int32, stderr: Int32, report: Int32, ownGroup: Bool) throws -> ChildProcess {
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = argv.withUnsafeBufferPointer { a in
      envp.withUnsafeBufferPointer { e in
        joule_spawn(&pid, path, a.baseAddress, e.baseAddress, directory, stdin, stdout, stderr, report, ownGroup ? 1 : 0)
      }
    }
    let program = arguments.first ?? path
    switch rc {
    case 0: return ChildProcess(pid: pid, group: ownGroup ? pid : nil)
    case ENOENT: throw CommandError.notFound(program: program, searched: nil)
    case EACCES: throw CommandError.notExecutable(program: program, path: path)
    default: throw CommandError.spawnFailed(program: program, errno: rc)
    }
  }

  /// True once the program has ended; it is not reaped, so its pid and group are not reused.
  var hasExited: Bool {
    termination != nil || joule_has_exited(pid) == 1
  }

  /// Waits for the program to end and collects its status (once; later calls return it again).
  @discardableResult
  func reap() -> Termination {
    if let termination { return termination }
    var code: Int32 = -1
    var signal: Int32 = -1
    let t: Termination
    if joule_reap(pid, &code, &signal) == 0 {
      t = signal >= 0 ? .signalled(signal) : .exited(code)
    } else {
      // Someone else reaped it (a SIGCHLD handler set to ignore): the status is lost.
      t = .exited(-1)
    }
    termination = t
    return t
  }

  /// Sends a signal to the program's group (or to the program alone when it has none).
  func signalGroup(_ signal: Int32) {
    guard termination == nil else { return }
    if let group { kill(-group, signal) } else { kill(pid, signal) }
  }
}
