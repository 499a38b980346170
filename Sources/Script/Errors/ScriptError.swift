/// An error the user sees: what went wrong, where, and through which functions.
///
///     quickstart.jnb:12:5: error: train: unknown keyword 'epoch'; did you mean 'epochs'?
///
/// Builtins throw `.runtime(message)` without a position; the interpreter fills in the
/// call site and the chain of user functions. Any other Swift error a builtin throws is
/// wrapped the same way, with its description as the message.
public struct ScriptError: Error, CustomStringConvertible {
  public enum Kind: Equatable {
    case syntax
    case runtime
    /// Ctrl-C reached a safe point.
    case interrupted
  }

  public var kind: Kind
  public var message: String
  public var position: SourcePosition?
  /// The source line at `position`, for the caret display.
  public var sourceLine: String?
  /// User functions that led here, innermost first: ("fib", position of the call).
  public var trace: [(function: String, position: SourcePosition)] = []
  /// For `.interrupted`: what the interrupted builtin returned (a partial `train` record, a
  /// study stopped early), which the REPL keeps in `_`.
  public var partial: Value?

  public init(_ kind: Kind, _ message: String, at position: SourcePosition? = nil, sourceLine: String? = nil) {
    self.kind = kind
    self.message = message
    self.position = position
    self.sourceLine = sourceLine
  }

  public static func runtime(_ message: String) -> ScriptError { ScriptError(.runtime, message) }
  public static var interrupted: ScriptError { ScriptError(.interrupted, "interrupted") }

  public var description: String { message }
}
