import Foundation
import Jupyter
import Notebook
import Script

/// A value in the representations a Jupyter front end can show.
///
///     bundles.bundle(for: .int(42)).bundle.data           // {"text/plain": "42"}
///     bundles.bundle(for: runs)                            // text/plain table + text/markdown
///     bundles.bundle(for: .host(plot))                     // image/png, image/svg+xml, text/plain
///
/// text/plain is what the REPL shows; a list of records adds the Markdown table of the
/// notebook reports; a figure is rendered by gnuplot to PNG and SVG.
struct DisplayBundle {
  /// Where figures are rendered before their bytes are read; emptied after each one.
  private let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("joule-kernel-\(getpid())", isDirectory: true)

  func isFigure(_ value: Value) -> Bool {
    if case .host(let h) = value, h is any Figure { return true }
    return false
  }

  /// The bundle, and the reason when a figure could not be rendered (its text form stays).
  func bundle(for value: Value) -> (bundle: MimeBundle, figureError: String?) {
    var bundle = MimeBundle(plain: ScriptBridge.displayText(value))
    if let table = MarkdownTable(value) {
      bundle.add("text/markdown", text: table.markdown)
    }
    if case .host(let h) = value, let figure = h as? any Figure {
      do {
        try render(figure, into: &bundle)
      } catch {
        return (bundle, "\(error)")
      }
    }
    return (bundle, nil)
  }

  private func render(_ figure: any Figure, into bundle: inout MimeBundle) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: scratch) }
    let svg = scratch.appendingPathComponent("figure.svg").path
    let png = scratch.appendingPathComponent("figure.png").path
    try figure.save(to: svg)
    try figure.save(to: png)
    guard let svgData = fm.contents(atPath: svg), let pngData = fm.contents(atPath: png) else {
      throw ScriptError.runtime("gnuplot wrote no image")
    }
    bundle.add("image/png", base64: pngData)
    bundle.add("image/svg+xml", text: String(decoding: svgData, as: UTF8.self))
  }
}
