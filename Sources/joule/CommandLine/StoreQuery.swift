import Foundation
import Script

/// Runs a one-line query in a fresh session and shows its value as the prompt would, so
/// `joule studies` and `joule study` print exactly what `studies()` and `load_study()` do.
/// What the user typed (a study's name, a store's URL) reaches the query as data, bound to
/// a variable, never pasted into its source: `joule study 'a{b}'` looks up the study
/// named `a{b}` rather than interpolating `b`.
///
///     StoreQuery.show("studies(store: query_store)", data: ["query_store": .string("studies.sqlite")])   // 0, or 70
enum StoreQuery {
  static func show(_ source: String, then more: String? = nil, data: [String: Value] = [:]) -> Int32 {
    let output = TerminalOutput()
    let interpreter = ScriptBridge.makeInterpreter(output: output, scriptDirectory: FileManager.default.currentDirectoryPath)
    for (name, value) in data { interpreter.setGlobal(name, value) }
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

  /// The `store:` option as a value: the text, or nil for the builtins' own default
  /// (JOULE_STORE, else studies.sqlite).
  static func store(_ option: String?) -> Value { option.map { .string($0) } ?? .none }
}
