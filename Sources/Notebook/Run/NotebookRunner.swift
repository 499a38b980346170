import Foundation
import Script

/// Runs a notebook's cells top to bottom in one interpreter session and collects each cell's
/// outputs, time and (when a meter is given) joules.
///
///     let runner = NotebookRunner(registry: registry)
///     let run = runner.run(document, paths: NotebookPaths(notebook: "notebooks/x.jnb"))
///     try MarkdownReport(run: run, ...).write()
///
/// Every code cell is parsed before any runs, so a syntax error in the last cell stops the run
/// at once (exit 65) instead of after an hour of training; the cell keeps the error and no cell
/// runs. A failing cell stops the run: its error is kept under it and later cells are marked not
/// run. Figures a cell shows (its last value, or `show(p)`) are saved as
/// `plots/<notebook>/<label>-<n>.png` and `.svg`, with the `.gp` script beside them.
public final class NotebookRunner {
  /// Starts an energy window around one cell; the returned closure ends it and gives its cost.
  public typealias Meter = () -> () -> CellEnergy

  public let registry: BuiltinRegistry
  public var meter: Meter?
  /// Receives cell output as it happens (the terminal), besides the report.
  public var echo: ((String) -> Void)?
  /// Receives one line per cell as it starts and ends ("[2/5] train ... ok 12.3 s").
  public var progress: ((String) -> Void)?

  public init(registry: BuiltinRegistry, meter: Meter? = nil) {
    self.registry = registry
    self.meter = meter
  }

  /// The outcome of a whole run.
  public struct Run {
    public var paths: NotebookPaths
    public var results: [CellResult]
    public var started: Date
    public var estimatedJoules: Bool
    public var failure: ScriptError.Kind?

    /// 0 when every cell ran; 65 after a syntax error, 70 after a runtime error, 130 after Ctrl-C.
    public var exitCode: Int32 {
      switch failure {
      case nil: return 0
      case .syntax?: return 65
      case .runtime?: return 70
      case .interrupted?: return 130
      }
    }
  }

  public func run(_ document: NotebookDocument, paths: NotebookPaths) -> Run {
    let file = (paths.notebook as NSString).lastPathComponent
    let interpreter = Interpreter(registry: registry, output: NullOutput(), scriptDirectory: paths.directory)
    clearFigures(paths)
    var results: [CellResult] = []
    var failure: ScriptError.Kind?
    var estimated = false
    let started = Date()
    let codeCells = document.cells.filter { $0.kind == .code }.count
    var codeIndex = 0
    if let early = preflight(document, file: file) {
      progress?("\(early.cell.label) failed before the run: syntax error\n\(early.message)")
      let results = document.cells.map { cell -> CellResult in
        if cell.kind == .markdown { return CellResult(cell: cell, status: .ok) }
        if cell.line == early.cell.line {
          return CellResult(cell: cell, status: .failed(early.message), outputs: [.error(early.message)])
        }
        return CellResult(cell: cell, status: .notRun)
      }
      return Run(paths: paths, results: results, started: started, estimatedJoules: false, failure: .syntax)
    }

    for cell in document.cells {
      if cell.kind == .markdown {
        results.append(CellResult(cell: cell, status: .ok))
        continue
      }
      codeIndex += 1
      if failure != nil {
        results.append(CellResult(cell: cell, status: .notRun))
        continue
      }
      progress?("[\(codeIndex)/\(codeCells)] \(cell.label)")
      let recorder = CellRecorder(cell: cell, paths: paths, echo: echo)
      interpreter.output = recorder
      let finishMeter = meter?()
      let t0 = DispatchTime.now().uptimeNanoseconds
      var status = CellResult.Status.ok
      do {
        // Blank lines in front keep the interpreter's line numbers equal to the notebook's.
        let source = String(repeating: "\n", count: max(0, cell.line - 1)) + cell.source
        let value = try interpreter.run(source, file: file)
        recorder.result(value)
        // `_` is the last cell's value, as at the prompt, so a :saved session reruns.
        if !value.isNil { interpreter.setGlobal("_", value) }
        if let e = recorder.figureError {
          status = .failed(e)
          failure = .runtime
        }
      } catch let e as ScriptError {
        status = .failed(e.rendered)
        failure = e.kind
      } catch {
        status = .failed("\(file): error: \(error)")
        failure = .runtime
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      let energy = finishMeter?()
      estimated = estimated || (energy?.estimated ?? false)
      var outputs = recorder.outputs
      if case .failed(let message) = status, recorder.figureError == nil { outputs.append(.error(message)) }
      results.append(CellResult(cell: cell, status: status, outputs: outputs, seconds: seconds, energy: energy))
      if case .failed(let message) = status {
        // Ctrl-C is the user's doing, not a failure of the cell.
        let what = failure == .interrupted ? "interrupted" : "failed"
        progress?("[\(codeIndex)/\(codeCells)] \(cell.label) \(what) after \(String(format: "%.1f", seconds)) s\n\(message)")
      } else {
        progress?("[\(codeIndex)/\(codeCells)] \(cell.label) ok, \(String(format: "%.1f", seconds)) s")
      }
    }
    return Run(paths: paths, results: results, started: started, estimatedJoules: estimated, failure: failure)
  }

  /// The first code cell that does not parse, with its rendered error.
  private func preflight(_ document: NotebookDocument, file: String) -> (cell: Cell, message: String)? {
    for cell in document.cells where cell.kind == .code {
      let source = String(repeating: "\n", count: max(0, cell.line - 1)) + cell.source
      do {
        try Parser.check(source, file: file)
      } catch let e as ScriptError where e.kind == .syntax {
        return (cell, e.rendered)
      } catch {
        continue  // anything else surfaces when the cell runs
      }
    }
    return nil
  }

  /// Removes the figures of an earlier run, so figures of deleted cells do not linger.
  private func clearFigures(_ paths: NotebookPaths) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: paths.figures) else { return }
    for n in names where ["png", "svg", "gp", "pdf", "txt"].contains((n as NSString).pathExtension) {
      try? fm.removeItem(atPath: (paths.figures as NSString).appendingPathComponent(n))
    }
  }
}
