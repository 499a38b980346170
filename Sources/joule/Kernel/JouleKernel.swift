import Foundation
import Jupyter
import JouleKit
import Script

/// joule as a Jupyter kernel's language: one interpreter for the kernel's life, so variables
/// stay from cell to cell as at the prompt, with the REPL's builtins, completer and `help`.
///
///     let kernel = JouleKernel()
///     try KernelServer(connection: info, language: kernel).run()
///
/// Each cell runs inside an energy window; its seconds and joules (and whether they are an
/// estimate, and of which model) go into the execute reply's metadata, and cells that took
/// a second or more end with a status line on stderr.
final class JouleKernel: KernelLanguage {
  /// Cells shorter than this get no status line: the metadata still has their cost, but a
  /// line under every assignment would bury the output (IPython's %time is opt-in for this reason).
  static let statusLineThreshold = 1.0

  private let registry = ScriptBridge.makeRegistry()
  private let interpreter: Interpreter
  private let sink = KernelOutput()
  private lazy var completer = Completer(registry: registry) { [unowned self] in self.interpreter }
  /// True while a cell runs: a signal or interrupt request between cells is not kept for the next.
  private let running = NSLock()
  nonisolated(unsafe) private var isRunning = false

  init(directory: String = FileManager.default.currentDirectoryPath) {
    interpreter = Interpreter(registry: registry, output: sink, scriptDirectory: directory)
    // An old field name's one-time hint shows under the cell that used it.
    let cellSink = sink
    FieldAliases.hintSink = { text in cellSink.cell?.stream(text, to: .stderr) }
  }

  var info: LanguageInfo {
    LanguageInfo(
      name: "joule", version: JouleVersion.current, fileExtension: ".jnb", mimetype: "text/x-joule",
      implementation: "joule",
      banner: "joule \(JouleVersion.current): green-AI experiments; help() lists the builtins")
  }

  func execute(_ code: String, output: ExecutionOutput) -> ExecuteOutcome {
    setRunning(true)
    defer { setRunning(false) }
    Interrupt.clear()
    sink.cell = output
    defer { sink.cell = nil }
    let window = EnergyWindow.begin()
    let start = DispatchTime.now().uptimeNanoseconds
    var status = ExecuteOutcome.Status.ok
    do {
      let value = try interpreter.run(code, file: "In[\(output.executionCount)]")
      if !output.silent { sink.result(value) }
    } catch let error as ScriptError {
      status = .error(name: Self.errorName(error.kind), value: error.message,
                      traceback: ScriptBridge.render(error).components(separatedBy: "\n"))
    } catch {
      status = .error(name: "RuntimeError", value: "\(error)", traceback: ["error: \(error)"])
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let energy = window.finish()
    // The cell's record in the energy vocabulary, with the cell's own wall time.
    var fields = energy.fields
    fields["seconds"] = .float(seconds)
    let metadata = JSONValue.object(fields.pairs.compactMap { k, v in Self.json(v).map { (k, $0) } })
    if seconds >= Self.statusLineThreshold {
      output.stream(Self.statusLine(seconds: seconds, reading: energy), to: .stderr)
    }
    return ExecuteOutcome(status, metadata: metadata)
  }

  /// `[joule] 12.3 s, 145 J (estimate(specpower-package))`: what the cell cost, an estimate labelled with its model.
  static func statusLine(seconds: Double, reading: EnergyWindow.Reading) -> String {
    let joules = reading.joules >= 100 ? String(format: "%.0f J", reading.joules) : String(format: "%.3g J", reading.joules)
    return "[joule] \(Repl.formatDuration(seconds)), \(joules)" + (reading.estimated ? " (\(reading.source))" : "")
      + "\n"
  }

  /// A scalar field as JSON; nil for what cell metadata does not carry.
  static func json(_ v: Value) -> JSONValue? {
    switch v {
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return d.isFinite ? .double(d) : nil
    case .string(let s): return .string(s)
    default: return nil
    }
  }

  static func errorName(_ kind: ScriptError.Kind) -> String {
    switch kind {
    case .syntax: return "SyntaxError"
    case .runtime: return "RuntimeError"
    case .interrupted: return "Interrupted"
    }
  }

  func complete(_ code: String, cursor: Int) -> Completions {
    let scalars = code.unicodeScalars
    let before = String(String.UnicodeScalarView(scalars.prefix(max(0, min(cursor, scalars.count)))))
    let (word, choices) = completer.candidates(before)
    let matches = Array(Set(choices.filter { $0.hasPrefix(word) })).sorted()
    let end = before.unicodeScalars.count
    return Completions(matches: matches, cursorStart: end - word.unicodeScalars.count, cursorEnd: end)
  }

  func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
    guard let name = Self.name(in: code, at: cursor) else { return nil }
    if registry[name] != nil {
      return help(.string(name)).map { MimeBundle(plain: $0) }
    }
    switch interpreter.global(name) {
    case let f? where f.function != nil:
      return help(f).map { MimeBundle(plain: $0) }
    case let value?:
      return MimeBundle(plain: "\(name): \(value.typeName)\n\(ScriptBridge.displayText(value))")
    case nil:
      return nil
    }
  }

  /// What `help(x)` writes, as at the prompt's `:help`; caught here rather than sent to no cell.
  private func help(_ x: Value) -> String? {
    guard let builtin = registry["help"] else { return nil }
    let buffer = BufferOutput()
    let saved = interpreter.output
    interpreter.output = buffer
    defer { interpreter.output = saved }
    guard (try? interpreter.call(.builtin(builtin), Arguments([x]))) != nil else { return nil }
    return buffer.text.trimmingCharacters(in: .newlines)
  }

  /// The identifier under or just before the cursor, or else the function whose call the
  /// cursor is inside (`train(m, |` asks about `train`).
  static func name(in code: String, at cursor: Int) -> String? {
    let scalars = Array(code.unicodeScalars)
    let at = max(0, min(cursor, scalars.count))
    func isName(_ s: Unicode.Scalar) -> Bool { Character(s).isIdentifierCharacter }
    var start = at, end = at
    while start > 0 && isName(scalars[start - 1]) { start -= 1 }
    while end < scalars.count && isName(scalars[end]) { end += 1 }
    if start < end {
      return String(String.UnicodeScalarView(scalars[start..<end]))
    }
    return LineScan(String(String.UnicodeScalarView(scalars[..<at]))).enclosingCall
  }

  func isComplete(_ code: String) -> Completeness {
    guard ScriptBridge.isComplete(code) else { return .incomplete(indent: "  ") }
    do {
      try ScriptBridge.check(code, file: "<cell>")
      return .complete
    } catch {
      return .invalid
    }
  }

  func interrupt() {
    running.lock()
    defer { running.unlock() }
    if isRunning { Interrupt.request() }
  }

  private func setRunning(_ value: Bool) {
    running.lock()
    isRunning = value
    running.unlock()
  }
}
