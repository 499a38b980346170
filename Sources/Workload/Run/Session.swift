import Foundation

/// The descriptors of one run: joule's ends of the program's stdout, stderr, report channel
/// and stdin, and the loop that moves bytes through them.
///
///     let s = try Session(command)       // pipes, or /dev/null for empty input
///     ... spawn with s.childStdin, s.out?.write, ...; then s.closeChildEnds()
///     s.pump(timeout: 0.05, into: &reader)
final class Session {
  var out: PipePair?
  var err: PipePair?
  var report: PipePair?
  private var input: PipePair?
  private var devNull: Int32 = -1
  private var pending: [UInt8] = []
  private var written = 0
  private var open: [(fd: Int32, kind: Kind)] = []
  private var buffer = [UInt8](repeating: 0, count: 65_536)

  private enum Kind { case stdout, stderr, report }

  init(_ command: Command) throws {
    do {
      if command.capturesOutput {
        out = try PipePair.make()
        err = try PipePair.make()
        report = try PipePair.make()
      }
      switch command.input {
      case .empty:
        devNull = Glibc.open("/dev/null", O_RDONLY | O_CLOEXEC)
      case .bytes(let b):
        input = try PipePair.make()
        pending = b
        // A program that exits without reading its input must not kill joule with SIGPIPE:
        // the write then fails with EPIPE and the rest is dropped.
        signal(SIGPIPE, SIG_IGN)
      case .inherit:
        break
      }
    } catch {
      closeAll()
      throw error
    }
  }

  /// The descriptor the program reads as stdin (-1: joule's own).
  var childStdin: Int32 { input?.read ?? devNull }

  /// After the spawn: joule keeps only its own ends, non-blocking.
  func closeChildEnds() {
    for p in [out, err, report].compactMap({ $0 }) { close(p.write) }
    if let input { close(input.read) }
    if devNull >= 0 { close(devNull); devNull = -1 }
    if let o = out { open.append((o.read, .stdout)); PipePair.setNonBlocking(o.read) }
    if let e = err { open.append((e.read, .stderr)); PipePair.setNonBlocking(e.read) }
    if let r = report { open.append((r.read, .report)); PipePair.setNonBlocking(r.read) }
    out = nil
    err = nil
    report = nil
    if let i = input {
      input = PipePair(read: -1, write: i.write)
      PipePair.setNonBlocking(i.write)
      if pending.isEmpty { close(i.write); input = nil }
    }
  }

  /// True when every output pipe has reached end of file (nothing of the tree holds them).
  var allClosed: Bool { open.isEmpty }

  /// A descriptor that turns readable when the program ends (`ChildProcess.exitDescriptor`);
  /// watched until then, so a pump returns at the exit rather than at its timeout.
  var exitDescriptor: Int32 = -1

  /// Waits up to `timeout` seconds for output (or room for input, or the program's end), then
  /// moves what is ready.
  func pump(timeout: Double, into reader: inout OutputReader) {
    var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
    if let i = input { fds.append(pollfd(fd: i.write, events: Int16(POLLOUT), revents: 0)) }
    if exitDescriptor >= 0 { fds.append(pollfd(fd: exitDescriptor, events: Int16(POLLIN), revents: 0)) }
    if fds.isEmpty {
      if timeout > 0 { usleep(useconds_t(timeout * 1e6)) }
      return
    }
    let n = poll(&fds, nfds_t(fds.count), Int32((timeout * 1000).rounded(.up)))
    guard n > 0 else { return }
    var closed: Set<Int32> = []
    for f in fds where f.revents != 0 {
      if f.fd == exitDescriptor {
        // It stays readable: stop watching it (the descriptor belongs to the child).
        exitDescriptor = -1
        continue
      }
      if let i = input, f.fd == i.write {
        writeInput()
        continue
      }
      guard let entry = open.first(where: { $0.fd == f.fd }) else { continue }
      if drain(entry.fd, entry.kind, into: &reader) { closed.insert(entry.fd) }
    }
    if !closed.isEmpty {
      for fd in closed { close(fd) }
      open.removeAll { closed.contains($0.fd) }
    }
  }

  /// Reads what is there (at most 1 MiB a turn, so clocks and Ctrl-C are still checked);
  /// true at end of file.
  private func drain(_ fd: Int32, _ kind: Kind, into reader: inout OutputReader) -> Bool {
    for _ in 0..<16 {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n == 0 { return true }
      if n < 0 { return !(errno == EAGAIN || errno == EINTR) }
      let bytes = buffer[0..<n]
      switch kind {
      case .stdout: reader.takeStdout(bytes)
      case .stderr: reader.takeStderr(bytes)
      case .report: reader.takeChannel(bytes)
      }
    }
    return false
  }

  private func writeInput() {
    guard let i = input else { return }
    while written < pending.count {
      let n = pending[written...].withUnsafeBytes { write(i.write, $0.baseAddress, min($0.count, 65_536)) }
      if n > 0 { written += n; continue }
      if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
      break   // EPIPE: the program closed its stdin
    }
    close(i.write)
    input = nil
    pending = []
  }

  func closeAll() {
    for (fd, _) in open { close(fd) }
    open = []
    for p in [out, err, report].compactMap({ $0 }) {
      close(p.write)
    }
    if let i = input {
      close(i.write)
      if i.read >= 0 { close(i.read) }
    }
    input = nil
    if devNull >= 0 { close(devNull); devNull = -1 }
    out = nil
    err = nil
    report = nil
  }
}
