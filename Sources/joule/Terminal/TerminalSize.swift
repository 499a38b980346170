import Foundation

/// The terminal window's size in characters, for drawing figures as text.
///
///     TerminalSize.current.columns   // 80 when stdout is not a terminal
struct TerminalSize {
  var columns: Int
  var rows: Int

  /// 80×24, the VT100's size, when there is no window to ask.
  static let fallback = TerminalSize(columns: 80, rows: 24)

  static var current: TerminalSize {
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
      return TerminalSize(columns: Int(ws.ws_col), rows: Int(ws.ws_row))
    }
    return fallback
  }
}
