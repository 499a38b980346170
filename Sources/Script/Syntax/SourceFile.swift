/// One program text with its name, kept so errors can show the offending line.
///
///     let file = SourceFile(name: "train.joule", text: "x = 1\nprint(x)")
///     file.line(2)   // "print(x)"
///
/// Tree nodes point at their `SourceFile`, so a closure defined in one REPL input and
/// called from another still reports the right file and line.
public final class SourceFile {
  public let name: String
  public let text: String
  private lazy var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)

  public init(name: String, text: String) {
    self.name = name
    self.text = text
  }

  /// The 1-based line `n` without its newline, or nil past the end.
  public func line(_ n: Int) -> String? {
    guard n >= 1, n <= lines.count else { return nil }
    var s = lines[n - 1]
    if s.hasSuffix("\r") { s = s.dropLast() }
    return String(s)
  }

  /// A `SourcePosition` in this file.
  public func position(line: Int, column: Int) -> SourcePosition {
    SourcePosition(file: name, line: line, column: column)
  }

  /// An error at `line:column` that carries the source line for the caret display.
  public func error(_ kind: ScriptError.Kind, _ message: String, line: Int, column: Int) -> ScriptError {
    ScriptError(kind, message, at: position(line: line, column: column), sourceLine: self.line(line))
  }
}
