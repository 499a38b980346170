import Foundation

/// The REPL's history on disk: plain text, one input per line, newest last.
///
///     let file = HistoryFile.standard   // $XDG_STATE_HOME/joule/history
///     file.append("x = 41")
///     file.append("fn f() {\n  1\n}")  // three lines; the first two end in "\"
///
/// An input of several lines (a function, a loop) is one entry: its lines are written with a
/// backslash at the end of each but the last, as zsh's history does, so it comes back whole.
/// Backslashes a line really ends with are doubled (`# C:\` is written `# C:\\`), so only an
/// odd count at the end continues the entry.
/// Inputs are appended as they are entered, so a crashed session keeps them; the file is
/// trimmed to `limit` entries when a session starts.
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
    let entries = HistoryFile.entries(String(decoding: data, as: UTF8.self))
    if entries.count > limit {
      let kept = Array(entries.suffix(limit))
      try? kept.map(HistoryFile.encode).joined().write(toFile: path, atomically: true, encoding: .utf8)
      return kept
    }
    return entries
  }

  /// The entries of a history file's text: lines, with continued lines (ending in `\`) joined.
  static func entries(_ text: String) -> [String] {
    var entries: [String] = []
    var current: String?
    for line in text.split(separator: "\n") {
      var piece = String(line)
      let trailing = piece.reversed().prefix { $0 == "\\" }.count
      let continues = trailing % 2 == 1
      piece.removeLast(trailing - trailing / 2)
      current = current.map { $0 + "\n" + piece } ?? piece
      if !continues {
        entries.append(current!)
        current = nil
      }
    }
    if let current { entries.append(current) }
    return entries
  }

  /// An entry as the file holds it, ending in a newline.
  static func encode(_ entry: String) -> String {
    entry.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let trailing = line.reversed().prefix { $0 == "\\" }.count
      return line + String(repeating: "\\", count: trailing)
    }.joined(separator: "\\\n") + "\n"
  }

  /// Adds one entry at the end, creating the folder on first use. Failures are silent:
  /// a read-only home must not stop the REPL.
  func append(_ entry: String) {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array(HistoryFile.encode(entry).utf8)
    _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
  }
}
