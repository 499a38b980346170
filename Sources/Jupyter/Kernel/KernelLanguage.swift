import Foundation

/// A language behind a Jupyter kernel: the kernel server handles sockets, signatures, status
/// and execution counts, and asks the language only what a language knows.
///
///     final class MyLanguage: KernelLanguage { ... }
///     try KernelServer(connection: info, language: MyLanguage()).run()
///
/// `execute`, `complete`, `inspect` and `isComplete` are called on the shell thread, one at a
/// time; `interrupt` comes from the control thread while `execute` runs.
public protocol KernelLanguage: AnyObject {
  var info: LanguageInfo { get }

  /// Runs one cell. Output goes through `output` as it happens; the outcome says how it ended
  /// and what the reply's metadata carries.
  func execute(_ code: String, output: ExecutionOutput) -> ExecuteOutcome

  /// Completions of the word before `cursor` (a count of Unicode scalars into `code`).
  func complete(_ code: String, cursor: Int) -> Completions

  /// Help for the name at `cursor`, or nil when there is none.
  func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle?

  /// Whether `code` could run as it is, or needs more lines (a console's Enter key).
  func isComplete(_ code: String) -> Completeness

  /// Stops the running cell at its next safe point, keeping the session's state.
  func interrupt()
}

/// Completions for `complete_reply`: `matches` replace the code between the two cursors.
public struct Completions: Equatable, Sendable {
  public var matches: [String]
  public var cursorStart: Int
  public var cursorEnd: Int

  public init(matches: [String], cursorStart: Int, cursorEnd: Int) {
    self.matches = matches
    self.cursorStart = cursorStart
    self.cursorEnd = cursorEnd
  }
}

/// The answer to `is_complete_request`.
public enum Completeness: Equatable, Sendable {
  case complete
  /// More lines are needed; the next one is indented with `indent`.
  case incomplete(indent: String)
  /// It will never parse, however it goes on.
  case invalid
}

/// How a cell ended.
public struct ExecuteOutcome: Sendable {
  public enum Status: Sendable {
    case ok
    /// The cell failed: `name` is the kind of error, `value` its message, `traceback` the
    /// lines to show (position, source line, caret, call chain).
    case error(name: String, value: String, traceback: [String])
  }

  public var status: Status
  /// Extra fields for the execute reply's metadata (seconds, joules, ...).
  public var metadata: JSONValue

  public init(_ status: Status, metadata: JSONValue = .emptyObject) {
    self.status = status
    self.metadata = metadata
  }
}
