import Foundation
import Script

/// Program output on the terminal: `print` text to stdout, `show` values as text, figures
/// drawn as text sized to the window.
///
///     let out = TerminalOutput()
///     out.write("hello\n")
///     out.display(.host(plot))   // a gnuplot dumb-terminal drawing
final class TerminalOutput: OutputSink {
  /// At the prompt each figure is drawn as it is made; a script's run draws only what it shows.
  var drawsFiguresAsMade = false
  /// Figures drawn since `startInput()`: the input's value does not draw one twice.
  private var drawnFigures: [AnyObject] = []

  /// Forgets the figures drawn for the previous input.
  func startInput() { drawnFigures = [] }

  func figureMade(_ value: Value) {
    if drawsFiguresAsMade { display(value) }
  }

  func write(_ text: String) {
    fputs(text, stdout)
  }

  func display(_ value: Value) {
    if value.isNil { return }
    if case .host(let h) = value, let figure = h as? any Figure {
      if drawnFigures.contains(where: { $0 === h }) { return }
      drawnFigures.append(h)
      let size = TerminalSize.current
      do {
        // Leave a line for the prompt that follows.
        let text = try figure.textPreview(width: size.columns, height: max(10, size.rows - 2))
        write(text.hasSuffix("\n") ? text : text + "\n")
      } catch {
        write(h.displayText + "\n")
        fputs("joule: cannot draw the figure as text: \(error)\n", stderr)
      }
      return
    }
    let text = ScriptBridge.displayText(value)
    write(text.hasSuffix("\n") ? text : text + "\n")
  }

  func flush() { fflush(stdout) }
}
