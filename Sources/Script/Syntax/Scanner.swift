/// Turns source text into tokens: the first stage of the jlox pipeline.
///
///     let tokens = try Scanner(SourceFile(name: "x", text: "f(1, lr: 0.1)")).scan()
///
/// Newlines end statements, except inside `(...)` and `[...]` where they are skipped;
/// inside `{...}` they stay, because braces hold blocks. A string's `{expr}` pieces are
/// scanned recursively into token lists, so interpolation reuses the whole grammar.
struct Scanner {
  /// Deeper nesting than this is refused with an error rather than risking the stack.
  static let maxNesting = 1000

  private let file: SourceFile
  private let chars: [Unicode.Scalar]
  private var pos = 0
  private var line = 1
  private var column = 1
  private var nesting = 0

  init(_ file: SourceFile) {
    self.file = file
    self.chars = Array(file.text.unicodeScalars)
  }

  /// All tokens, ending with `.eof`.
  mutating func scan() throws -> [Token] {
    var tokens = try scanUntil(closingBrace: false)
    tokens.append(Token(kind: .eof, text: "", line: line, column: column))
    return tokens
  }

  private func error(_ message: String, _ l: Int, _ c: Int) -> ScriptError {
    file.error(.syntax, message, line: l, column: c)
  }

  private var peek: Unicode.Scalar? { pos < chars.count ? chars[pos] : nil }
  private func peek(_ ahead: Int) -> Unicode.Scalar? { pos + ahead < chars.count ? chars[pos + ahead] : nil }

  private mutating func advance() -> Unicode.Scalar {
    let c = chars[pos]
    pos += 1
    if c == "\n" { line += 1; column = 1 } else { column += 1 }
    return c
  }

  /// Scans tokens until end of input or, inside an interpolation, the `}` that closes it.
  private mutating func scanUntil(closingBrace: Bool) throws -> [Token] {
    var tokens: [Token] = []
    // The open brackets, innermost last: newlines count only when it is empty or a `{`.
    var open: [Token.Kind] = []
    func emit(_ kind: Token.Kind, _ text: String, _ l: Int, _ c: Int) {
      tokens.append(Token(kind: kind, text: text, line: l, column: c))
    }
    while let c = peek {
      let l = line, col = column
      switch c {
      case " ", "\t", "\r":
        _ = advance()
      case "\n":
        _ = advance()
        if open.last == .leftParen || open.last == .leftBracket { continue }
        if let last = tokens.last, last.kind != .newline { emit(.newline, "\n", l, col) }
      case "#":
        while let d = peek, d != "\n" { _ = advance() }
      case "\"":
        tokens.append(try scanString())
      case "0"..."9":
        tokens.append(try scanNumber())
      case "(", "[", "{":
        if open.count + nesting >= Scanner.maxNesting {
          throw error("too deeply nested (more than \(Scanner.maxNesting) levels)", l, col)
        }
        _ = advance()
        let kind: Token.Kind = c == "(" ? .leftParen : c == "[" ? .leftBracket : .leftBrace
        open.append(kind)
        emit(kind, String(c), l, col)
      case ":" where closingBrace && open.isEmpty:
        // A top-level `:` in an interpolation starts its format specification.
        return tokens
      case "=" where closingBrace && open.isEmpty && endsSelfDocumenting:
        // `{x=}`, `{x = :.2f}`: Python's self-documenting interpolation (see `scanString`).
        return tokens
      case ")", "]", "}":
        if c == "}" && closingBrace && open.isEmpty { return tokens }
        _ = advance()
        if !open.isEmpty { open.removeLast() }
        emit(c == ")" ? .rightParen : c == "]" ? .rightBracket : .rightBrace, String(c), l, col)
      default:
        if c.properties.isAlphabetic || c == "_" {
          var name = ""
          while let d = peek, d.properties.isAlphabetic || d == "_" || ("0"..."9").contains(d) {
            name.unicodeScalars.append(advance())
          }
          emit(Token.keywords[name] ?? .identifier, name, l, col)
        } else {
          _ = advance()
          let (kind, text) = try symbol(c, l, col)
          emit(kind, text, l, col)
        }
      }
    }
    return tokens
  }

  /// True at an `=` that ends an interpolation's expression: alone (not `==`), followed by
  /// spaces and then the closing `}` or a format specification's `:`.
  private var endsSelfDocumenting: Bool {
    guard peek(1) != "=" else { return false }
    var k = 1
    while peek(k) == " " { k += 1 }
    return peek(k) == "}" || peek(k) == ":"
  }

  private mutating func symbol(_ c: Unicode.Scalar, _ l: Int, _ col: Int) throws -> (Token.Kind, String) {
    func next(_ d: Unicode.Scalar) -> Bool {
      if peek == d { _ = advance(); return true }
      return false
    }
    switch c {
    case ",": return (.comma, ",")
    case ".": return (.dot, ".")
    case ":": return (.colon, ":")
    case ";": return (.semicolon, ";")
    case "+": return next("=") ? (.plusEqual, "+=") : (.plus, "+")
    case "-": return next("=") ? (.minusEqual, "-=") : (.minus, "-")
    case "*":
      if next("*") { return (.starStar, "**") }
      return next("=") ? (.starEqual, "*=") : (.star, "*")
    case "/":
      if next("/") { return (.slashSlash, "//") }
      return next("=") ? (.slashEqual, "/=") : (.slash, "/")
    case "%": return (.percent, "%")
    case "=": return next("=") ? (.equalEqual, "==") : (.equal, "=")
    case "!":
      if next("=") { return (.bangEqual, "!=") }
      throw error("unexpected '!'; use 'not' for negation", l, col)
    case "<": return next("=") ? (.lessEqual, "<=") : (.less, "<")
    case ">": return next("=") ? (.greaterEqual, ">=") : (.greater, ">")
    case "?":
      if next("?") { return (.questionQuestion, "??") }
      throw error("unexpected '?'; the default operator is '??'", l, col)
    case "|":
      if next(">") { return (.pipe, "|>") }
      throw error("unexpected '|'; the pipe is '|>'", l, col)
    default:
      let shown = c.properties.isWhitespace || c.value < 32 || c.value == 127 || c.value == 0xFFFD
        ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
      throw error("unexpected character '\(shown)'", l, col)
    }
  }

  private mutating func scanNumber() throws -> Token {
    let l = line, col = column
    var digits = ""
    var isFloat = false
    func takeDigits() {
      while let d = peek, ("0"..."9").contains(d) || d == "_" {
        let x = advance()
        if x != "_" { digits.unicodeScalars.append(x) }
      }
    }
    takeDigits()
    if peek == ".", let d = peek(1), ("0"..."9").contains(d) {
      isFloat = true
      digits.unicodeScalars.append(advance())
      takeDigits()
    }
    if peek == "e" || peek == "E" {
      let sign = peek(1) == "+" || peek(1) == "-"
      if let d = peek(sign ? 2 : 1), ("0"..."9").contains(d) {
        isFloat = true
        digits.unicodeScalars.append(advance())
        if sign { digits.unicodeScalars.append(advance()) }
        takeDigits()
      }
    }
    if let d = peek, d.properties.isAlphabetic || d == "_" {
      throw error("malformed number '\(digits)\(d)'", l, col)
    }
    var token = Token(kind: .int, text: digits, line: l, column: col)
    if !isFloat, let i = Int(digits) {
      token.intValue = i
    } else {
      // Integers beyond 64 bits become floats, as a calculator would show them.
      guard let d = Double(digits), d.isFinite else { throw error("number too large: \(digits)", l, col) }
      token.kind = .float
      token.floatValue = d
    }
    return token
  }

  private mutating func scanString() throws -> Token {
    let l = line, col = column
    _ = advance()  // opening quote
    var parts: [Token.StringPart] = []
    var text = ""
    while true {
      guard let c = peek else { throw error("unterminated string", l, col) }
      if c == "\"" { _ = advance(); break }
      if c == "\\" {
        let el = line, ec = column
        _ = advance()
        guard let e = peek else { throw error("unterminated string", l, col) }
        _ = advance()
        switch e {
        case "n": text += "\n"
        case "t": text += "\t"
        case "r": text += "\r"
        case "0": text += "\0"
        case "\"", "\\", "{", "}": text.unicodeScalars.append(e)
        default: throw error("unknown escape '\\\(e)' (known: \\n \\t \\r \\0 \\\" \\\\ \\{ \\})", el, ec)
        }
      } else if c == "{" {
        let bl = line, bc = column
        _ = advance()
        if nesting >= Scanner.maxNesting { throw error("too deeply nested interpolation", bl, bc) }
        nesting += 1
        let codeStart = pos
        var code = try scanUntil(closingBrace: true)
        nesting -= 1
        let end = Token(kind: .eof, text: "}", line: line, column: column)
        // `{expression=}`: the expression as written, `=` and the spaces after it, then the value.
        var echo: String?
        if peek == "=" {
          _ = advance()
          while peek == " " { _ = advance() }
          echo = ""
          echo!.unicodeScalars.append(contentsOf: chars[codeStart..<pos])
        }
        var format: Token.FormatText?
        if peek == ":" {
          _ = advance()
          format = try scanFormat(string: (l, col))
        }
        guard peek == "}" else {
          if peek == "\"" { throw error("expected '}' to close the '{' at \(bl):\(bc)", line, column) }
          throw error("unterminated string", l, col)
        }
        _ = advance()
        if code.isEmpty { throw error("empty '{}' in string; write '\\{' for a brace", bl, bc) }
        text += echo ?? ""
        if !text.isEmpty { parts.append(.text(text)); text = "" }
        code.append(end)
        parts.append(.code(code, format: format, echo: echo != nil))
      } else {
        text.unicodeScalars.append(advance())
      }
    }
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    var token = Token(kind: .string, text: "\"", line: l, column: col)
    token.parts = parts
    return token
  }

  /// The format specification after an interpolation's `:`, up to its closing `}`, with its
  /// nested fields (`{x:.{digits}f}`, `{name:>{width}}`) scanned as expressions, as Python's
  /// f-strings allow. A nested field holds an expression only: no specification of its own.
  private mutating func scanFormat(string start: (line: Int, column: Int)) throws -> Token.FormatText {
    var spec = Token.FormatText(text: "", line: line, column: column)
    var literal = ""
    while let d = peek, d != "}", d != "\"", d != "\n" {
      guard d == "{" else {
        let c = advance()
        spec.text.unicodeScalars.append(c)
        literal.unicodeScalars.append(c)
        continue
      }
      let fl = line, fc = column, from = pos
      _ = advance()
      if nesting >= Scanner.maxNesting { throw error("too deeply nested interpolation", fl, fc) }
      nesting += 1
      var code = try scanUntil(closingBrace: true)
      nesting -= 1
      if peek == ":" {
        throw error("a nested format field cannot have a format specification of its own", line, column)
      }
      guard peek == "}" else {
        if peek == nil { throw error("unterminated string", start.line, start.column) }
        throw error("expected '}' to close the format field opened at \(fl):\(fc)", line, column)
      }
      if code.isEmpty { throw error("empty '{}' in a format specification; write an expression, as in {x:.{digits}f}", fl, fc) }
      code.append(Token(kind: .eof, text: "}", line: line, column: column))
      _ = advance()
      var written = ""
      written.unicodeScalars.append(contentsOf: chars[from..<pos])
      spec.text += written
      if !literal.isEmpty { spec.pieces.append(.text(literal)); literal = "" }
      spec.pieces.append(.field(code, text: written, line: fl, column: fc))
    }
    if !literal.isEmpty { spec.pieces.append(.text(literal)) }
    return spec
  }
}
