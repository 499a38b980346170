import Foundation
import Jupyter
import Script

/// The interpreter's output sink inside the kernel: `print` becomes a `stream` message,
/// `show(x)` a `display_data`, and the cell's last value an `execute_result`.
///
///     let sink = KernelOutput()
///     sink.cell = output            // the ExecutionOutput of the running request
///     interpreter.output = sink
///
/// Shown strings read as printed text and everything else goes through `DisplayBundle`, as
/// notebook reports do (Sources/Notebook/Run/CellRecorder.swift).
final class KernelOutput: OutputSink {
  /// The running cell's channel to the front end; nil between cells, when output is dropped.
  var cell: ExecutionOutput? {
    didSet { shownFigures = [] }
  }
  private let bundles = DisplayBundle()
  /// The running cell's figures already displayed: each shows once, where it was made.
  private var shownFigures: [AnyObject] = []

  func write(_ text: String) {
    cell?.stream(text)
  }

  func display(_ value: Value) {
    switch value {
    case .none:
      return
    case .string(let s):
      write(s.hasSuffix("\n") ? s : s + "\n")
    default:
      show(value, asResult: false)
    }
  }

  /// Every figure a cell makes is displayed as it is made, as IPython shows plots.
  func figureMade(_ value: Value) {
    show(value, asResult: false)
  }

  /// The cell's last expression. Figures are displayed (as IPython shows plots) rather than
  /// numbered as the cell's result.
  func result(_ value: Value) {
    if value.isNil { return }
    show(value, asResult: true)
  }

  private func show(_ value: Value, asResult: Bool) {
    guard let cell else { return }
    if case .host(let h) = value, h is any Figure {
      if shownFigures.contains(where: { $0 === h }) { return }
      shownFigures.append(h)
    }
    let (bundle, figureError) = bundles.bundle(for: value)
    if let figureError { cell.stream("joule: cannot render the figure: \(figureError)\n", to: .stderr) }
    if asResult && !bundles.isFigure(value) { cell.result(bundle) } else { cell.display(bundle) }
  }
}
