import Foundation
import Script

/// Runs a one-line query in a fresh session and shows its value as the prompt would, so
/// `joule studies` and `joule study` print exactly what `studies()` and `load_study()` do.
///
///     StoreQuery.show("studies(store: \"studies.sqlite\")")   // 0, or 70 after an error
enum StoreQuery {
  static func show(_ source: String, then more: String? = nil) -> Int32 {
    let output = TerminalOutput()
    let interpreter = ScriptBridge.makeInterpreter(output: output, scriptDirectory: FileManager.default.currentDirectoryPath)
    defer { output.flush() }
    do {
      for text in [source] + (more.map { [$0] } ?? []) {
        output.display(try interpreter.run(text, file: "<command line>"))
      }
      return ExitStatus.ok
    } catch let error as ScriptError {
      output.flush()
      // The query is joule's, not the user's: show the message without the caret under it.
      fputs("joule: \(error.message)\n", stderr)
      return ExitStatus.code(for: error)
    } catch {
      fputs("joule: \(error)\n", stderr)
      return ExitStatus.runtimeError
    }
  }

  /// The `store:` argument: the option, or nil for the builtins' own default (JOULE_STORE, else studies.sqlite).
  static func store(_ option: String?) -> String { option.map(literal) ?? "nil" }

  /// A string literal of the language holding `text`.
  static func literal(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
