import Foundation
import GnuplotBridge

/// One persistent gnuplot process; every figure of a joule session goes through it.
///
///     let gp = try GnuplotSession.shared()
///     try gp.run("set terminal svg\nset output '/tmp/a.svg'\nplot x\nunset output")
///
/// After each script it checks gnuplot's error state (a numbered sync marker, then
/// `GPVAL_ERRNO`/`GPVAL_ERRMSG` and `reset errors`) and throws `GnuplotError.gnuplot` for a
/// rejected command, so a bad plot is a joule error and the session stays usable.
public final class GnuplotSession {
  private var handle: OpaquePointer?
  private let lock = NSLock()
  public let executable: String

  nonisolated(unsafe) private static var sharedSession: GnuplotSession?
  private static let sharedLock = NSLock()

  /// The session's gnuplot, started on first use and restarted if it died.
  public static func shared() throws -> GnuplotSession {
    sharedLock.lock()
    defer { sharedLock.unlock() }
    let exe = try locateExecutable()
    if let s = sharedSession, s.isAlive, s.executable == exe { return s }
    let s = try GnuplotSession(executable: exe)
    sharedSession = s
    return s
  }

  /// Finds gnuplot: `JOULE_GNUPLOT` (a path or a name) if set, else `gnuplot` on `PATH`.
  public static func locateExecutable(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String {
    let wanted = environment["JOULE_GNUPLOT"].flatMap { $0.isEmpty ? nil : $0 } ?? "gnuplot"
    let fm = FileManager.default
    if wanted.contains("/") {
      guard fm.isExecutableFile(atPath: wanted) else { throw GnuplotError.notInstalled(lookedFor: wanted) }
      return wanted
    }
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") where !dir.isEmpty {
      let candidate = "\(dir)/\(wanted)"
      if fm.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw GnuplotError.notInstalled(lookedFor: "'\(wanted)' on PATH")
  }

  public init(executable: String) throws {
    self.executable = executable
    var error = [CChar](repeating: 0, count: 512)
    guard let h = jg_open(executable, &error, error.count) else {
      throw GnuplotError.processFailed(String(cString: error))
    }
    handle = h
    // Prove the process is a working gnuplot before anyone relies on it.
    _ = try run("set encoding utf8", timeout: 20)
  }

  deinit {
    if let handle { jg_close(handle) }
  }

  public var isAlive: Bool {
    lock.lock()
    defer { lock.unlock() }
    return handle != nil
  }

  /// Runs a script and waits for gnuplot to finish it. Returns what gnuplot printed (warnings,
  /// `print` output); throws when it reported an error, died, or took longer than `timeout`.
  @discardableResult
  public func run(_ script: String, timeout: Double = 120) throws -> String {
    lock.lock()
    defer { lock.unlock() }
    guard let h = handle else { throw GnuplotError.processFailed("the gnuplot process has ended") }
    var text = script
    if !text.hasSuffix("\n") { text += "\n" }
    if jg_send(h, text) != 0 {
      jg_close(h)
      handle = nil
      throw GnuplotError.processFailed("could not write to gnuplot at \(executable)")
    }
    var message: UnsafeMutablePointer<CChar>?
    let code = jg_sync(h, Int32(min(timeout * 1000, Double(Int32.max))), &message)
    let said = message.map { String(cString: $0) } ?? ""
    free(message)
    switch code {
    case 0: return said
    case -1:
      jg_close(h)
      handle = nil
      throw GnuplotError.processFailed(said.isEmpty ? "\(executable) exited" : said)
    case -2:
      // A hung gnuplot would also hang a close (which waits for it); leave it and start afresh.
      handle = nil
      throw GnuplotError.timedOut(seconds: timeout)
    default:
      throw GnuplotError.gnuplot(code: Int(code), message: said)
    }
  }
}
