import Foundation

/// The REPL's history on disk: plain text, one input line per line, newest last.
///
///     let file = HistoryFile.standard   // $XDG_STATE_HOME/joule/history
///     file.append("x = 41")
///
/// Lines are appended as they are entered, so a crashed session keeps them; the file is
/// trimmed to `limit` lines when a session starts.
struct HistoryFile {
  let path: String
  /// Lines kept across sessions (bash's HISTFILESIZE default is 500; joule keeps more).
  var limit = 1000

  /// `$XDG_STATE_HOME/joule/history`, or `~/.local/state/joule/history` (XDG Base Directory).
  static var standard: HistoryFile {
    let env = ProcessInfo.processInfo.environment
    let state: String
    if let xdg = env["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      state = xdg
    } else {
      let home = env["HOME"] ?? NSHomeDirectory()
      state = home + "/.local/state"
    }
    return HistoryFile(path: state + "/joule/history")
  }

  /// The saved lines, oldest first (the last `limit`); rewrites the file when it grew past it.
  func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    if lines.count > limit {
      let kept = Array(lines.suffix(limit))
      try? (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
      return kept
    }
    return lines
  }

  /// Adds one line at the end, creating the folder on first use. Failures are silent:
  /// a read-only home must not stop the REPL.
  func append(_ line: String) {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
  }
}
