import CSpawn
import Foundation

/// k worker processes forked from this one at the moment of the call, each running trials it
/// is sent over a pipe and sending the finished trials back: the lead side of `tune(...,
/// workers: k)`.
///
///     let team = try ForkedWorkers(count: 4) { channel in
///       WorkerLoop.serve(channel) { trial, curves in runner.execute(trial, curves: curves, objective: f) }
///     }
///     team.send(trial, curves: [], to: 0)
///     for event in team.wait(timeout: 0.1) { ... }     // .output, .done, .fatal, .ended
///
/// A child starts as a copy of the lead at the call: data loaded before it is shared
/// copy-on-write, and code before it is not run again. Only the forking thread exists in the
/// child, so the child must re-create what ran on other threads (thread pools, the energy
/// poller) and must not touch the terminal or the lead's sockets: `prepare` (run in the child
/// before `body`) is where a binding does that. Each child leads a process group of its own
/// (Ctrl-C reaches only the lead, which passes one SIGINT on with `interrupt()`), dies with the
/// lead (PR_SET_PDEATHSIG), reads /dev/null, and writes standard error to a log file whose last
/// lines are reported when it ends badly. `close()` (and `deinit`) ends and reaps every child.
public final class ForkedWorkers {
  /// What happened since the last `wait`.
  public enum Event {
    case output(worker: Int, text: String)
    case done(worker: Int, trial: Trial)
    case fatal(worker: Int, trial: Trial, message: String)
    /// The process ended: its exit code, or 128 + the signal that killed it, and its log's tail.
    case ended(worker: Int, status: Int32, log: String)
  }

  struct Child {
    var pid: pid_t
    var requests: Int32
    var results: MessageBuffer
    var log: String
    var name: String
    var alive = true
  }

  private var children: [Child] = []
  private let logDirectory: String
  /// SIGPIPE's disposition before the team: ignored while it lives (a worker that died must not
  /// kill the lead when it is sent a trial), then restored, so `joule run x | head` behaves as before.
  private var previousSIGPIPE: sighandler_t?

  public var count: Int { children.count }
  /// Workers whose process still runs.
  public var alive: [Int] { children.indices.filter { children[$0].alive } }
  /// The name a worker's trials carry in the store's `worker` column ("host:pid", with
  /// `JOULE_WORKER`'s name in front when set), as a process of its own would write it.
  public func name(_ i: Int) -> String { children[i].name }
  public func pid(_ i: Int) -> pid_t { children[i].pid }

  /// Forks `count` children. `body` runs in each child and never returns.
  public init(count: Int, body: (_ requests: Int32, _ results: Int32) -> Never) throws {
    logDirectory = FileManager.default.temporaryDirectory
      .appendingPathComponent("joule-workers-\(getpid())-\(UUID().uuidString.prefix(6))").path
    try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
    // Buffered text would otherwise be written once by the lead and again by every child.
    fflush(nil)
    // Looked up once: hostName may ask the resolver.
    let host = ProcessInfo.processInfo.hostName
    for i in 0..<count {
      let down = try MessagePipe.make(), up = try MessagePipe.make()
      let log = "\(logDirectory)/worker-\(i + 1).log"
      let pid = joule_fork_worker()
      if pid == 0 {
        // The child: keep its own two pipe ends, drop the lead's and its siblings'.
        for c in children { Glibc.close(c.requests); Glibc.close(c.results.fd) }
        Glibc.close(down.write)
        Glibc.close(up.read)
        ForkedWorkers.redirect(log: log)
        body(down.read, up.write)
      }
      Glibc.close(down.read)
      Glibc.close(up.write)
      guard pid > 0 else {
        let reason = String(cString: strerror(errno))
        Glibc.close(down.write); Glibc.close(up.read)
        close()
        throw TuneError.invalidSettings("workers: cannot fork worker \(i + 1): \(reason)")
      }
      _ = fcntl(up.read, F_SETFL, fcntl(up.read, F_GETFL) | O_NONBLOCK)
      if previousSIGPIPE == nil { previousSIGPIPE = signal(SIGPIPE, SIG_IGN) }
      children.append(Child(pid: pid, requests: down.write, results: MessageBuffer(fd: up.read), log: log,
                            name: ForkedWorkers.name(pid: pid, host: host)))
    }
  }

  deinit { close() }

  /// The child's standard input reads /dev/null, its output goes nowhere (text comes back as
  /// messages), and its standard error to its log.
  private static func redirect(log: String) {
    let null = open("/dev/null", O_RDWR)
    dup2(null, 0)
    dup2(null, 1)
    let err = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if err >= 0 { dup2(err, 2); Glibc.close(err) }
    if null > 2 { Glibc.close(null) }
  }

  static func name(pid: pid_t, host: String) -> String {
    let me = "\(host):\(pid)"
    guard let name = ProcessInfo.processInfo.environment["JOULE_WORKER"], !name.isEmpty else { return me }
    return "\(name)@\(me)"
  }

  /// Sends worker `i` a trial to run; false when it has gone.
  @discardableResult
  public func send(_ trial: Trial, curves: [IntermediateCurve], to i: Int) -> Bool {
    guard children[i].alive else { return false }
    return MessagePipe.send(.run(trial: trial, curves: curves), to: children[i].requests)
  }

  /// Waits up to `timeout` seconds for messages or ends, and returns them in order (a worker's
  /// messages before its end).
  public func wait(timeout: Double) -> [Event] {
    var fds = children.indices.filter { children[$0].alive && !children[$0].results.ended }
      .map { pollfd(fd: children[$0].results.fd, events: Int16(POLLIN), revents: 0) }
    if fds.isEmpty {
      usleep(useconds_t(min(timeout, 0.05) * 1e6))
    } else {
      _ = poll(&fds, nfds_t(fds.count), Int32(timeout * 1000))
    }
    var events: [Event] = []
    for i in children.indices where children[i].alive {
      if !children[i].results.ended { children[i].results.fill() }
      while let m = children[i].results.next() {
        switch m {
        case .output(let text): events.append(.output(worker: i, text: text))
        case .done(let t): events.append(.done(worker: i, trial: t))
        case .fatal(let t, let message): events.append(.fatal(worker: i, trial: t, message: message))
        case .run: break
        }
      }
      if let status = reap(i, block: children[i].results.ended) {
        events.append(.ended(worker: i, status: status, log: tail(children[i].log)))
      }
    }
    return events
  }

  /// The exit status of worker `i` if it has ended (reaping it), else nil. After end of file on
  /// its pipe the process is at most moments from ending, so that wait blocks.
  private func reap(_ i: Int, block: Bool) -> Int32? {
    var status: Int32 = 0
    let r = waitpid(children[i].pid, &status, block ? 0 : WNOHANG)
    guard r == children[i].pid || (r < 0 && errno == ECHILD) else { return nil }
    children[i].alive = false
    Glibc.close(children[i].requests)
    Glibc.close(children[i].results.fd)
    // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros do not import into Swift.
    return r < 0 ? 0 : (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }

  private func tail(_ path: String) -> String {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(8).joined(separator: "\n")
  }

  /// Sends SIGINT to every worker still running: each stops its trial, marks it interrupted
  /// and sends it back.
  public func interrupt() {
    for c in children where c.alive { kill(c.pid, SIGINT) }
  }

  /// Ends every worker: closing its request pipe lets an idle one leave; one still running
  /// after `grace` seconds is killed. Returns when all are reaped, so none is left behind.
  public func close(grace: Double = 5) {
    for c in children where c.alive { Glibc.close(c.requests) }
    let deadline = Date().addingTimeInterval(grace)
    var killed = false
    while children.contains(where: \.alive) {
      for i in children.indices where children[i].alive {
        var status: Int32 = 0
        if waitpid(children[i].pid, &status, WNOHANG) != 0 {
          children[i].alive = false
          Glibc.close(children[i].results.fd)
        }
      }
      if !killed && Date() > deadline {
        for c in children where c.alive { kill(c.pid, SIGKILL) }
        killed = true
      }
      if children.contains(where: \.alive) { usleep(10_000) }
    }
    if let previous = previousSIGPIPE {
      signal(SIGPIPE, previous)
      previousSIGPIPE = nil
    }
    try? FileManager.default.removeItem(atPath: logDirectory)
  }
}
