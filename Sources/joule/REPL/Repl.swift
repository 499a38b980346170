import Foundation
import Notebook
import Script

/// The interactive prompt: read a line (more while the input is open), run it, show its value.
///
///     joule> x = 41
///     joule> x + 1
///     42
///
/// Errors are shown and the session goes on; Ctrl-C stops running code at its next safe
/// point and keeps the variables; Ctrl-D or `:quit` leaves.
final class Repl {
  static let prompt = "joule> "
  static let continuationPrompt = "  ...> "

  private let output = TerminalOutput()
  private let registry: BuiltinRegistry
  private let interpreter: Interpreter
  /// Every input, with how it went: `:save` writes those that rerun (see `SessionNotebook`).
  private(set) var inputs: [SessionNotebook.Input] = []

  init() {
    registry = ScriptBridge.makeRegistry()
    interpreter = Interpreter(registry: registry, output: output, scriptDirectory: nil)
    output.drawsFiguresAsMade = true
  }

  /// Runs until Ctrl-D or `:quit`; returns the exit status.
  func run() -> Int32 {
    InterruptHandler.install()
    let completer = Completer(registry: registry) { [unowned self] in self.interpreter }
    guard let editor = LineEditor(historyFile: HistoryFile.standard, completer: completer) else {
      fputs("joule: cannot start the line editor; run a script with `joule run FILE`\n", stderr)
      return ExitStatus.runtimeError
    }
    output.write("joule \(JouleVersion.current): :help for commands, Ctrl-D to leave\n")
    var pending = ""
    while true {
      output.flush()
      switch editor.read(prompt: pending.isEmpty ? Repl.prompt : Repl.continuationPrompt) {
      case .endOfInput:
        output.write("\n")
        return ExitStatus.ok
      case .interrupted:
        // The typed line (and any open block) is dropped; libedit left the cursor on it.
        pending = ""
        output.write("^C\n")
      case .line(let line):
        if pending.isEmpty && line.hasPrefix(":") {
          editor.remember(line)
          if !meta(line) { return ExitStatus.ok }
          continue
        }
        pending += pending.isEmpty ? line : "\n" + line
        if pending.allSatisfy(\.isWhitespace) {
          pending = ""
        } else if ScriptBridge.isComplete(pending) {
          let source = pending
          pending = ""
          // The whole input is one history entry, however many lines it took.
          editor.remember(source)
          inputs.append(evaluate(source, file: "<stdin>"))
        }
      }
    }
  }

  /// Runs `source` in the session and shows its value; says whether it failed and whether it
  /// changed `_`.
  @discardableResult
  private func evaluate(_ source: String, file: String, showValue: Bool = true) -> SessionNotebook.Input {
    Interrupt.clear()
    defer { output.flush() }
    output.startInput()
    do {
      let value = try interpreter.run(source, file: file)
      if showValue { output.display(value) }
      // The last value stays reachable as `_`, as in IPython.
      if showValue && !value.isNil { interpreter.setGlobal("_", value) }
      // A :load keeps `_` here, but its last value would set `_` in the notebook.
      return SessionNotebook.Input(source, setsLast: !showValue || !value.isNil)
    } catch let error as ScriptError {
      output.flush()
      var text = ScriptBridge.render(error)
      var setsLast = false
      if error.kind == .interrupted, let partial = error.partial {
        interpreter.setGlobal("_", partial)
        text += "; its partial result is in _"
        setsLast = true
      }
      fputs(text + "\n", stderr)
      return SessionNotebook.Input(source, ok: false, setsLast: setsLast)
    } catch {
      output.flush()
      fputs("error: \(error)\n", stderr)
    }
    return SessionNotebook.Input(source, ok: false)
  }

  /// Carries out a meta command; false for `:quit`.
  private func meta(_ line: String) -> Bool {
    let command: MetaCommand
    do {
      command = try MetaCommand.parse(line)
    } catch {
      fputs("error: \(error)\n", stderr)
      return true
    }
    switch command {
    case .quit:
      return false
    case .help(let name):
      if let name { help(name) } else { output.write(MetaCommand.summary + "\n") }
    case .vars:
      output.write(variablesTable())
    case .load(let path):
      var status = ExitStatus.ok
      guard let source = ScriptRunner.readSource(path, status: &status) else { break }
      // Paths inside the file are relative to its folder, as under `joule run`.
      interpreter.scriptDirectory = (UserPath(path, relativeTo: nil).absolute as NSString).deletingLastPathComponent
      defer { interpreter.scriptDirectory = nil }
      inputs.append(evaluate(source, file: path, showValue: false))
    case .save(let path):
      save(to: path)
    case .time(let source):
      let start = DispatchTime.now().uptimeNanoseconds
      let input = evaluate(source, file: "<stdin>")
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      output.write("time: \(Repl.formatDuration(seconds))\n")
      inputs.append(input)
    case .pwd:
      output.write(FileManager.default.currentDirectoryPath + "\n")
    case .cd(let path):
      changeDirectory(path)
    case .reset:
      interpreter.reset()
      inputs.removeAll()
      output.write("session reset\n")
    }
    return true
  }

  /// The language's own `help(name)` when there is one, so both read the same.
  private func help(_ name: String) {
    guard let builtin = registry["help"] else {
      output.write(helpText(for: name))
      return
    }
    do {
      let value = try interpreter.call(.builtin(builtin), Arguments([.string(name)]))
      output.display(value)
    } catch let error as ScriptError {
      fputs(ScriptBridge.render(error) + "\n", stderr)
    } catch {
      fputs("error: \(error)\n", stderr)
    }
    output.flush()
  }

  private func helpText(for name: String) -> String {
    guard let builtin = registry[name] else {
      let hint = Suggestion.closest(to: name, among: registry.names).map { "; did you mean '\($0)'?" } ?? ""
      return "no builtin named '\(name)'\(hint)\n"
    }
    var text = "\(builtin.signature)\n  \(builtin.doc)\n"
    for p in builtin.parameters where !p.doc.isEmpty {
      text += "    \(p.name): \(p.type) — \(p.doc)\n"
    }
    return text
  }

  private func variablesTable() -> String {
    let names = interpreter.globalNames.sorted()
    if names.isEmpty { return "no variables\n" }
    let width = names.map(\.count).max() ?? 0
    return names.map { name -> String in
      let value = interpreter.global(name) ?? .none
      var shown = value.shortDescription
      if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
      return name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value.typeName + "  " + shown
    }.joined(separator: "\n") + "\n"
  }

  private func save(to path: String) {
    let notebook = SessionNotebook(inputs: inputs)
    let kept = notebook.kept.count
    let text = notebook.text
    // At the prompt a relative path starts at the working directory (see `UserPath`).
    let target = UserPath(path, relativeTo: nil)
    do {
      try text.write(toFile: target.absolute, atomically: true, encoding: .utf8)
      output.write("saved \(kept) cell\(kept == 1 ? "" : "s") to \(path)\n")
    } catch {
      fputs("error: \(FileProblem.writing(target))\n", stderr)
    }
  }

  /// `:cd`: relative paths typed at the prompt start at the working directory, so this moves
  /// them too (a notebook's or `:load`ed file's paths keep starting at its own folder).
  private func changeDirectory(_ path: String?) {
    let target = UserPath(path ?? "~", relativeTo: nil)
    if let problem = FileProblem.problemReading(target, folder: true) {
      fputs("error: \(problem)\n", stderr)
    } else if !FileManager.default.changeCurrentDirectoryPath(target.absolute) {
      fputs("error: \(target.written): permission denied\n", stderr)
    } else {
      output.write(FileManager.default.currentDirectoryPath + "\n")
    }
  }

  /// `1.23 s`, `45.6 ms`, `789 µs`.
  static func formatDuration(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format: "%.2f s", seconds) }
    if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
    return String(format: "%.0f µs", seconds * 1e6)
  }
}
