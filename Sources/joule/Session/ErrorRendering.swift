import Script

/// Formats a `ScriptError` the way compilers do: position, message, the line, a caret.
///
///     train.joule:3:13: error: train: unknown keyword 'epoch'; did you mean 'epochs'?
///         train(m, d, epoch: 1)
///                     ^
///       in run_all (train.joule:9:1)
enum ErrorRendering {
  static func render(_ error: ScriptError) -> String {
    if error.kind == .interrupted { return "interrupted" }
    var out = ""
    if let p = error.position { out += "\(p): " }
    out += "error: \(error.message)"
    if let line = error.sourceLine, let p = error.position {
      out += "\n    \(line)"
      // Tabs keep their width so the caret lands under the fault.
      let lead = line.prefix(max(0, p.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
      out += "\n    \(lead)^"
    }
    for frame in error.trace {
      out += "\n  in \(frame.function) (\(frame.position))"
    }
    return out
  }
}
