import Foundation
import Script
import JouleKit

/// The few things the command line needs from the language, in one place, so the REPL and
/// `joule run` agree on how a session is built, how values show and how errors read.
///
///     let interp = ScriptBridge.makeInterpreter(output: out, scriptDirectory: "/data")
///     try ScriptBridge.check(source, file: "a.joule")   // parse only
enum ScriptBridge {
  /// The registry every session uses: the core builtins, then the domain families.
  static func makeRegistry() -> BuiltinRegistry {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    return registry
  }

  static func makeInterpreter(output: any OutputSink, scriptDirectory: String?) -> Interpreter {
    Interpreter(registry: makeRegistry(), output: output, scriptDirectory: scriptDirectory)
  }

  /// Parses without running; throws the syntax error.
  static func check(_ source: String, file: String) throws {
    try Parser.check(source, file: file)
  }

  /// True when `source` could end here: no open bracket, block or string.
  static func isComplete(_ source: String) -> Bool {
    Parser.isComplete(source)
  }

  /// The text a value shows as at the prompt (nil shows nothing): on a terminal, tables are
  /// trimmed to the window's width rather than wrapped; piped output keeps every column.
  static func displayText(_ value: Value) -> String {
    value.display(width: isatty(STDOUT_FILENO) == 1 ? TerminalSize.current.columns : nil)
  }

  /// An error as the user reads it: position, message, the line with a caret, the call chain.
  static func render(_ error: ScriptError) -> String {
    error.rendered
  }
}
