import CEditLine
import EditLineShim
import Foundation
import Script

/// The prompt's line editing through libedit: emacs keys, history (up/down, Ctrl-R), Tab.
///
///     let editor = LineEditor(historyFile: HistoryFile.standard, completer: completer)
///     switch editor.read(prompt: "joule> ") { case .line(let l): ... }
final class LineEditor {
  enum Input {
    case line(String)
    /// Ctrl-C while typing: the line is discarded.
    case interrupted
    /// Ctrl-D on an empty line.
    case endOfInput
  }

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyFile: HistoryFile

  /// libedit calls completion through a C function pointer that cannot capture; the one
  /// editor of the process keeps its completer here.
  nonisolated(unsafe) fileprivate static var activeCompleter: Completer?

  init?(historyFile: HistoryFile, completer: Completer) {
    joule_setlocale_ctype()
    guard let el = joule_el_init("joule", stdin, stdout, stderr),
          let h = joule_history_init(Int32(historyFile.limit)) else { return nil }
    editLine = el
    history = h
    self.historyFile = historyFile
    for line in historyFile.load() { joule_history_enter(h, line) }
    joule_el_set_history(el, h)
    LineEditor.activeCompleter = completer
    joule_el_bind_function(el, "joule-complete", "Complete the word before the cursor", completeCallback, "^I")
  }

  deinit {
    el_end(editLine)
    history_end(history)
  }

  func read(prompt: String) -> Input {
    joule_el_set_prompt(editLine, prompt)
    var count: Int32 = 0
    var interrupted: Int32 = 0
    guard let raw = joule_el_gets(editLine, &count, &interrupted) else {
      return interrupted != 0 ? .interrupted : .endOfInput
    }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Records an entered input (one line, or all the lines of a multi-line one) in memory and
  /// on disk: the up arrow brings it back whole.
  func remember(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    joule_history_enter(history, line)
    historyFile.append(line)
  }
}

/// Tab: complete the word before the cursor, or list the choices when there are several.
private func completeCallback(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
  guard let el, let info = el_line(el)?.pointee, let completer = LineEditor.activeCompleter else {
    return UInt8(CC_ERROR)
  }
  let length = info.cursor - info.buffer
  let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(info.buffer).assumingMemoryBound(to: UInt8.self),
                                  count: length)
  let before = String(decoding: bytes, as: UTF8.self)
  let result = completer.complete(before)
  if !result.insertion.isEmpty {
    el_insertstr(el, result.insertion)
    return UInt8(CC_REFRESH)
  }
  if result.choices.count > 1 {
    let listing = Completer.columns(result.choices, width: TerminalSize.current.columns)
    fputs("\n" + listing, stdout)
    fflush(stdout)
    return UInt8(CC_REDISPLAY)
  }
  return UInt8(CC_REFRESH_BEEP)
}
