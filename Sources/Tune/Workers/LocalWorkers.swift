import Foundation

/// k copies of one program, each a worker of the same study, started on this machine.
///
///     let w = try LocalWorkers(executable: "/usr/bin/joule", arguments: ["run", "sweep.joule"],
///                              environment: ["JOULE_WORKER_STUDY": "adam"], count: 4)
///     while w.running > 0 { _ = w.reap(); usleep(200_000) }
///
/// Children are started with posix_spawn (fork + exec in one step: no fork of a process that
/// already runs threads), in a process group of their own, so a Ctrl-C at the terminal reaches
/// only the lead, which passes exactly one SIGINT on with `interrupt()`. Their standard output is
/// discarded (the lead reports the study once); standard error goes to a log file per worker,
/// shown when a worker fails. `deinit` interrupts any child still running, so none is orphaned.
public final class LocalWorkers {
  public struct Exit: Sendable {
    public var index: Int
    public var status: Int32
    /// The last lines the worker wrote to standard error.
    public var log: String
  }

  private var pids: [Int: pid_t] = [:]
  private let logs: [String]
  private let logDirectory: String
  public private(set) var exits: [Exit] = []

  public var running: Int { pids.count }

  public init(executable: String, arguments: [String], environment: [String: String], count: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-workers-\(getpid())-\(UUID().uuidString.prefix(6))").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    logDirectory = dir
    logs = (0..<count).map { "\(dir)/worker-\($0 + 1).log" }
    for i in 0..<count {
      var env = ProcessInfo.processInfo.environment
      for (k, v) in environment { env[k] = v }
      env["JOULE_WORKER_INDEX"] = String(i + 1)
      do {
        pids[i] = try LocalWorkers.spawn(executable, [executable] + arguments, env: env, log: logs[i])
      } catch {
        interrupt()
        throw error
      }
    }
  }

  deinit {
    interrupt()
    while running > 0 { _ = reap(); usleep(50_000) }
    // What a failed worker wrote is in `exits` by now.
    try? FileManager.default.removeItem(atPath: logDirectory)
  }

  /// Collects workers that have ended; returns those that ended since the last call.
  @discardableResult
  public func reap() -> [Exit] {
    var ended: [Exit] = []
    for (i, pid) in pids {
      var status: Int32 = 0
      guard waitpid(pid, &status, WNOHANG) == pid else { continue }
      pids[i] = nil
      // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros do not import into Swift.
      let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      let text = (try? String(contentsOfFile: logs[i], encoding: .utf8)) ?? ""
      let tail = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(8).joined(separator: "\n")
      ended.append(Exit(index: i + 1, status: code, log: tail))
    }
    exits += ended
    return ended
  }

  /// Sends SIGINT to every worker still running: each marks its trial interrupted and stops.
  public func interrupt() {
    for pid in pids.values { kill(pid, SIGINT) }
  }

  static func spawn(_ path: String, _ argv: [String], env: [String: String], log: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    posix_spawnattr_setpgroup(&attr, 0)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, &attr, cArgs, cEnv)
    guard rc == 0 else { throw TuneError.invalidSettings("workers: cannot start \(path): \(String(cString: strerror(rc)))") }
    return pid
  }
}
