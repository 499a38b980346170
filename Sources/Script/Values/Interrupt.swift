import Foundation

/// The Ctrl-C flag. A SIGINT handler only sets it; the interpreter, training and tuning
/// loops check it at safe points (the Lua way), so work stops cleanly and state survives.
public enum Interrupt {
  // A lone aligned word: writes from a signal handler and reads elsewhere are atomic on
  // the platforms joule runs on.
  nonisolated(unsafe) private static let flag: UnsafeMutablePointer<sig_atomic_t> = {
    let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    p.pointee = 0
    return p
  }()

  // Counts requests and is never reset: a builtin may clear the flag when it stops early
  // (`train` returns its partial record), and the interpreter still sees that Ctrl-C came.
  nonisolated(unsafe) static let count: UnsafeMutablePointer<sig_atomic_t> = {
    let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    p.pointee = 0
    return p
  }()

  public static var requested: Bool { flag.pointee != 0 }
  public static func request() {
    count.pointee &+= 1
    flag.pointee = 1
  }
  public static func clear() { flag.pointee = 0 }

  /// How many times Ctrl-C was pressed so far: compare two readings to learn whether it was
  /// pressed in between, even if something cleared the flag.
  public static var generation: Int { Int(count.pointee) }

  /// Throws `ScriptError.interrupted` (and clears the flag) when Ctrl-C was pressed.
  public static func check() throws {
    if requested {
      clear()
      throw ScriptError.interrupted
    }
  }
}
