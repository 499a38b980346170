import Foundation
import Script

/// The output sink of the cell being run: keeps what the cell prints and shows, in order,
/// saving figures as PNG and SVG under the notebook's plots folder as they appear. Every
/// figure the cell makes is kept, once, where it was made (as Jupyter shows every figure a
/// cell draws); the cell's value comes last, and a figure already shown is not repeated.
///
///     let rec = CellRecorder(cell: cell, paths: paths, echo: { print($0, terminator: "") })
///     interpreter.output = rec
final class CellRecorder: OutputSink {
  private(set) var outputs: [CellOutput] = []
  /// The first figure that could not be saved; it fails the cell.
  private(set) var figureError: String?
  private let cell: Cell
  private let paths: NotebookPaths
  private let echo: ((String) -> Void)?
  private var figureCount = 0
  /// The figures already in `outputs`: `plot(...)` then `show(p)` or `p` shows it once.
  private var shownFigures: [AnyObject] = []

  init(cell: Cell, paths: NotebookPaths, echo: ((String) -> Void)?) {
    self.cell = cell
    self.paths = paths
    self.echo = echo
  }

  func write(_ text: String) {
    echo?(text)
    if case .text(let previous)? = outputs.last {
      outputs[outputs.count - 1] = .text(previous + text)
    } else {
      outputs.append(.text(text))
    }
  }

  func display(_ value: Value) {
    switch value {
    case .none:
      return
    case .string(let s):
      write(s.hasSuffix("\n") ? s : s + "\n")
    default:
      add(value, quoted: false)
    }
  }

  func figureMade(_ value: Value) {
    add(value, quoted: false)
  }

  /// The cell's last expression, shown as Jupyter shows it (strings quoted).
  func result(_ value: Value) {
    if case .none = value { return }
    add(value, quoted: true)
  }

  private func add(_ value: Value, quoted: Bool) {
    if case .host(let h) = value, let figure = h as? any Figure {
      save(figure)
    } else if let table = MarkdownTable(value) {
      outputs.append(.table(headers: table.headers, rows: table.rows))
      if case .host(let h as any Tabular) = value, !h.tableNotes.isEmpty {
        outputs.append(.value(h.tableNotes.joined(separator: "\n")))
      }
      echo?(value.displayString + "\n")
    } else {
      let text = ValueText.show(value, quoted: quoted)
      outputs.append(.value(text))
      echo?(text + "\n")
    }
  }

  private func save(_ figure: any Figure) {
    guard !shownFigures.contains(where: { $0 === figure }) else { return }
    shownFigures.append(figure)
    figureCount += 1
    let stem = "\(cell.fileStem)-\(figureCount)"
    let dir = paths.figures as NSString
    do {
      // SVG first, PNG last: the .gp left beside them then re-renders the PNG.
      try figure.save(to: dir.appendingPathComponent(stem + ".svg"))
      try figure.save(to: dir.appendingPathComponent(stem + ".png"))
      outputs.append(.figure(name: stem, png: "\(paths.figureLink)/\(stem).png", svg: "\(paths.figureLink)/\(stem).svg"))
      echo?("[figure \(stem).png]\n")
    } catch {
      let message = "figure \(stem): \(error)"
      outputs.append(.error(message))
      if figureError == nil { figureError = message }
    }
  }
}
