/// The text a user sees for an error, as compilers print it:
///
///     fib.joule:2:14: error: undefined variable 'fbi'; did you mean 'fib'?
///       if n < 2 { fbi(n) } else { fib(n - 1) + fib(n - 2) }
///                  ^
///       in fib called at fib.joule:4:7
///
/// Repeated trace lines (deep recursion) are folded into one with a count.
extension ScriptError {
  public var rendered: String {
    var lines: [String] = []
    let label = kind == .interrupted ? message : "error: \(message)"
    // Ctrl-C is not a mistake in the program: one line says what stopped, and where.
    if kind == .interrupted { return position.map { "\($0): \(label)" } ?? label }
    if let p = position {
      lines.append("\(p): \(label)")
      if let src = sourceLine {
        let (excerpt, caret) = ScriptError.excerpt(src, column: p.column)
        lines.append("  " + excerpt)
        // Keep tabs so the caret lines up under tab-indented code.
        let lead = excerpt.unicodeScalars.prefix(caret).map { $0 == "\t" ? "\t" : " " }
        lines.append("  " + lead.joined() + "^")
      }
    } else {
      lines.append(label)
    }
    var shown = 0
    var k = 0
    while k < trace.count && shown < 12 {
      var n = 1
      while k + n < trace.count, trace[k + n].function == trace[k].function, trace[k + n].position == trace[k].position {
        n += 1
      }
      let entry = trace[k]
      lines.append("  in \(entry.function) called at \(entry.position)" + (n > 1 ? " (\(n) times)" : ""))
      k += n
      shown += 1
    }
    if k < trace.count { lines.append("  ... \(trace.count - k) more calls") }
    return lines.joined(separator: "\n")
  }
}

extension ScriptError {
  /// Columns of source shown under an error: a generated 100,000-character line would
  /// otherwise fill the screen; a wide editor window shows about this many.
  public static let excerptWidth = 160

  /// At most `excerptWidth` characters of `line` around `column` (1-based), marked with
  /// "..." where cut, and the caret's offset in the excerpt.
  public static func excerpt(_ line: String, column: Int) -> (text: String, caret: Int) {
    let scalars = Array(line.unicodeScalars)
    let at = min(max(0, column - 1), scalars.count)
    guard scalars.count > excerptWidth else { return (line, at) }
    var start = max(0, at - excerptWidth / 2)
    let end = min(scalars.count, start + excerptWidth)
    start = max(0, end - excerptWidth)
    var text = String(String.UnicodeScalarView(scalars[start..<end]))
    var caret = at - start
    if start > 0 {
      text = "..." + text
      caret += 3
    }
    if end < scalars.count { text += "..." }
    return (text, caret)
  }
}
