import Foundation

/// A throw-away PostgreSQL server for one test: initdb into a temporary folder, pg_ctl on
/// 127.0.0.1 and a free port, password authentication over TCP, stopped and deleted at the end.
///
///     try PostgresServer.with { pg in
///       let store = try StudyStore(path: pg.url)     // postgresql://joule:secret@127.0.0.1:PORT/postgres
///     }
///
/// initdb refuses to run as root, so as root (CI) the server runs as the `postgres` user
/// (`runuser -u postgres --`); otherwise as the caller. A watchdog shell stops the server if the
/// test process dies before `stop()`, so no server outlives its test run.
public final class PostgresServer {
  public let port: Int
  public let user = "joule"
  public let password = "secret"
  let directory: String
  let bin: String

  /// postgresql://joule:secret@127.0.0.1:PORT/postgres
  public var url: String { "postgresql://\(user):\(password)@127.0.0.1:\(port)/postgres" }

  /// Runs `body` with a fresh server, stopped even when `body` throws.
  public static func with<T>(_ body: (PostgresServer) throws -> T) throws -> T {
    let server = try PostgresServer()
    defer { server.stop() }
    return try body(server)
  }

  public init() throws {
    guard let bin = PostgresServer.binDirectory() else {
      throw SupportError("PostgreSQL server binaries not found (initdb under /usr/lib/postgresql/*/bin); run scripts/setup")
    }
    self.bin = bin
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("joule-pg-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try "\(password)\n".write(toFile: directory + "/pwfile", atomically: true, encoding: .utf8)
    if getuid() == 0 {
      _ = try PostgresServer.shell(["chown", "-R", "postgres:postgres", directory])
    }
    _ = try PostgresServer.asOwner(["\(bin)/initdb", "-D", "\(directory)/data", "-U", user, "--pwfile=\(directory)/pwfile",
                     "--auth-local=trust", "--auth-host=scram-sha-256", "-N", "-E", "UTF8", "--locale=C"])
    var started: Int?
    // A port found free may be taken before postgres binds it: try a few.
    for _ in 0..<5 {
      let p = PostgresServer.freePort()
      let options = "-p \(p) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
      if (try? PostgresServer.asOwner(["\(bin)/pg_ctl", "-D", "\(directory)/data", "-o", options, "-l", "\(directory)/log", "-w", "start"])) != nil {
        started = p
        break
      }
    }
    guard let started else {
      let log = (try? String(contentsOfFile: directory + "/log", encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(atPath: directory)
      throw SupportError("pg_ctl start failed: \(log.suffix(500))")
    }
    port = started
    startWatchdog()
  }

  /// Stops the server (immediate mode: tests need no clean shutdown) and deletes its folder.
  public func stop() {
    _ = try? PostgresServer.asOwner(["\(bin)/pg_ctl", "-D", "\(directory)/data", "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func startWatchdog() {
    let me = getpid()
    let stopCommand = (getuid() == 0 ? "runuser -u postgres -- " : "") + "\(bin)/pg_ctl -D \(directory)/data -m immediate stop"
    let script = "while kill -0 \(me) 2>/dev/null && [ -d \(directory)/data ]; do sleep 2; done; "
      + "[ -d \(directory)/data ] && \(stopCommand) >/dev/null 2>&1; rm -rf \(directory)"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", script]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try? p.run()
  }

  @discardableResult
  static func asOwner(_ command: [String]) throws -> String {
    try PostgresServer.shell(getuid() == 0 ? ["runuser", "-u", "postgres", "--"] + command : command)
  }

  /// The newest /usr/lib/postgresql/N/bin holding initdb, or the folder of initdb on PATH.
  static func binDirectory() -> String? {
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
    for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/initdb") {
      return "\(root)/\(v)/bin"
    }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    where FileManager.default.isExecutableFile(atPath: "\(dir)/initdb") {
      return String(dir)
    }
    return nil
  }

  /// A TCP port nothing listens on now (the kernel's pick for port 0).
  public static func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: addr.sin_port))
  }

  /// Runs a command and waits for it with waitpid. Not Foundation's Process: its exit monitor
  /// never fires when the command leaves a daemon behind (pg_ctl start). Output goes to a file,
  /// not a pipe, which the server would hold open for its whole life.
  static func shell(_ command: [String]) throws -> String {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("joule-pg-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = (["/usr/bin/env"] + command).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
    guard rc == 0 else { throw SupportError("\(command[0]): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    guard status == 0 else { throw SupportError("\(command.joined(separator: " ")): \(text.suffix(800))") }
    return text
  }
}

/// A failure of the test scaffolding itself, with what went wrong.
public struct SupportError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
