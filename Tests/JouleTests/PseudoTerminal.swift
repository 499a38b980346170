import Foundation

/// A program running with a pseudo-terminal as its controlling terminal, as in a real window:
/// keys typed here reach its line editor, and Ctrl-C becomes SIGINT through the tty driver.
///
///     let tty = try PseudoTerminal(executable: joule, environment: ["HOME": home])
///     try tty.expect("joule> ")
///     tty.type("1 + 1\r")
///     try tty.expect("2")
final class PseudoTerminal {
  struct Timeout: Error, CustomStringConvertible {
    let waitingFor: String
    let transcript: String
    var description: String { "timed out waiting for \(waitingFor.debugDescription); saw: \(transcript.debugDescription)" }
  }

  let pid: pid_t
  private let master: Int32
  /// Everything the program wrote to the terminal.
  private(set) var transcript = ""
  /// Where the next `expect` starts looking.
  private var cursor: String.Index

  init(executable: String, arguments: [String] = [], environment: [String: String]) throws {
    // posix_openpt, unlockpt and ptsname are hidden from Swift's Glibc module (they need
    // _XOPEN_SOURCE), so do what they do on Linux: open the multiplexer, unlock, ask the number.
    // The ioctl numbers are _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned) from
    // <asm-generic/ioctls.h>, the same on x86-64 and arm64.
    let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
      throw POSIXError(.ENOTTY)
    }
    let slavePath = "/dev/pts/\(number)"
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID (0x80, glibc ≥ 2.26): a new session, so opening the tty below makes it
    // the controlling terminal. Signals start unblocked and at their defaults whatever the
    // test runner did with them.
    let setsid: Int32 = 0x80
    posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(master)
      throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL)
    }
    pid = child
    cursor = transcript.startIndex
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  /// Sends keys as typed: `"\r"` is Enter, `"\t"` Tab, `"\u{03}"` Ctrl-C, `"\u{04}"` Ctrl-D.
  /// By default first waits (up to 5 s) for the line editor to be reading: keys typed while
  /// the terminal is in cooked mode reach the tty driver, where Ctrl-C and Ctrl-D act at once.
  /// Pass `whileRunning: true` to type at a program that is busy (Ctrl-C during a loop).
  func type(_ keys: String, whileRunning: Bool = false) {
    if !whileRunning { _ = waitForRawMode(timeout: 5) }
    let bytes = Array(keys.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until `text` appears after the previous match; returns what came before it.
  @discardableResult
  func expect(_ text: String, timeout: TimeInterval = 15) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = transcript.range(of: text, range: cursor..<transcript.endIndex) {
        let before = String(transcript[cursor..<range.lowerBound])
        cursor = range.upperBound
        return before
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0, readSome(within: left) else {
        throw Timeout(waitingFor: text, transcript: String(transcript[cursor...]))
      }
    }
  }

  /// Waits for `prompt`, then until the line editor has the terminal in raw mode. Keys typed
  /// earlier reach the tty driver's cooked mode, where Ctrl-C and Ctrl-D mean something else.
  @discardableResult
  func expectPrompt(_ prompt: String = "joule> ", timeout: TimeInterval = 15) throws -> String {
    let before = try expect(prompt, timeout: timeout)
    guard waitForRawMode(timeout: timeout) else {
      throw Timeout(waitingFor: "raw mode after \(prompt.debugDescription)", transcript: String(transcript[cursor...]))
    }
    return before
  }

  /// True once the terminal is out of canonical mode (the line editor reads key by key).
  private func waitForRawMode(timeout: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    var mode = termios()
    while Date() < deadline {
      // On Linux the master side reports the terminal's (the slave's) settings.
      if tcgetattr(master, &mode) == 0 && mode.c_lflag & tcflag_t(ICANON) == 0 { return true }
      _ = readSome(within: 0.005)
    }
    return false
  }

  /// Waits for the program to exit; returns its exit status, or nil on timeout.
  func waitForExit(timeout: TimeInterval = 15) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      // Keep draining output so the program never blocks writing to the terminal.
      _ = readSome(within: 0.05)
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      }
    }
    return nil
  }

  /// Reads what is available within `seconds`; false when nothing came (or the terminal closed).
  private func readSome(within seconds: TimeInterval) -> Bool {
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, Int32(max(1, seconds * 1000))) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = read(master, &buffer, buffer.count)
    guard n > 0 else { return false }
    let offset = transcript.distance(from: transcript.startIndex, to: cursor)
    transcript += String(decoding: buffer[0..<n], as: UTF8.self)
    cursor = transcript.index(transcript.startIndex, offsetBy: offset)
    return true
  }
}
