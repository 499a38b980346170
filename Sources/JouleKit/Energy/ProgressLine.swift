#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display on stderr, only when stderr is a terminal.
///
///     let p = ProgressLine(label: "idle")
///     p.update("2.0/5.0 s")     // "\ridle: 2.0/5.0 s"
///     p.clear()
final class ProgressLine {
  let label: String
  private let enabled = isatty(2) != 0
  private var lastDraw = 0.0

  init(label: String) { self.label = label }

  /// Redraws at most 10 times a second.
  func update(_ text: @autoclosure () -> String) {
    guard enabled else { return }
    var tv = timeval()
    gettimeofday(&tv, nil)
    let now = Double(tv.tv_sec) + Double(tv.tv_usec) * 1e-6
    guard now - lastDraw >= 0.1 else { return }
    lastDraw = now
    fputs("\r\u{1B}[K\(label): \(text())", stderr)
  }

  func clear() {
    if enabled { fputs("\r\u{1B}[K", stderr) }
  }
}
