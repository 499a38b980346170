/// What the text before the cursor is in the middle of: a string, a call's arguments.
///
///     LineScan("read_csv(\"da").openStringStart      // index after the quote
///     LineScan("train(m, d, ep").enclosingCall       // "train"
struct LineScan {
  /// Where the unterminated string's text starts, when the text ends inside one.
  private(set) var openStringStart: String.Index?
  /// The function whose argument list is open at the end, when there is one.
  private(set) var enclosingCall: String?

  init(_ text: String) {
    var inString = false
    var escaped = false
    var stringStart: String.Index?
    // Open brackets: the bracket and, for `(`, the name called.
    var open: [(Character, String?)] = []
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      let next = text.index(after: i)
      if inString {
        if escaped {
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          inString = false
        } else if c == "{" {
          // Interpolation: code until the matching `}`.
          inString = false
          open.append(("\"", nil))
        }
      } else {
        switch c {
        case "#":
          // A comment runs to the end of the line.
          while i < text.endIndex && text[i] != "\n" { i = text.index(after: i) }
          continue
        case "\"":
          inString = true
          stringStart = next
        case "(":
          open.append(("(", LineScan.name(before: i, in: text)))
        case "[", "{":
          open.append((c, nil))
        case ")", "]", "}":
          if let top = open.popLast(), top.0 == "\"" {
            inString = true
            stringStart = next
          }
        default: break
        }
      }
      i = next
    }
    openStringStart = inString ? stringStart : nil
    if !inString, let top = open.last, top.0 == "(" { enclosingCall = top.1 }
  }

  private static func name(before index: String.Index, in text: String) -> String? {
    let head = text[..<index]
    let name = String(head.reversed().prefix { $0.isIdentifierCharacter }.reversed())
    return name.isEmpty ? nil : name
  }
}
