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

  public static var requested: Bool { flag.pointee != 0 }
  public static func request() { flag.pointee = 1 }
  public static func clear() { flag.pointee = 0 }

  /// Throws `ScriptError.interrupted` (and clears the flag) when Ctrl-C was pressed.
  public static func check() throws {
    if requested {
      clear()
      throw ScriptError.interrupted
    }
  }
}
