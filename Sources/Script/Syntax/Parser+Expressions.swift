/// Expressions, from the loosest binding to the tightest:
/// `or`, `and`, `not`, comparison and `in`, `|>`, `+ -`, `* / // %`, unary `-`, `**`,
/// then calls, indexing and fields.
extension Parser {
  func expression() throws -> Node {
    try nested { try orExpression() }
  }

  func orExpression() throws -> Node {
    var e = try andExpression()
    while peekKind == .kwOr {
      let t = advance()
      skipNewlines()
      e = Or(at(t), e, try andExpression())
    }
    return e
  }

  func andExpression() throws -> Node {
    var e = try notExpression()
    while peekKind == .kwAnd {
      let t = advance()
      skipNewlines()
      e = And(at(t), e, try notExpression())
    }
    return e
  }

  func notExpression() throws -> Node {
    if peekKind == .kwNot {
      let t = advance()
      return Not(at(t), try nested { try notExpression() })
    }
    return try comparison()
  }

  private func comparisonOperator(_ k: Token.Kind) -> ComparisonOperator? {
    switch k {
    case .equalEqual: return .equal
    case .bangEqual: return .notEqual
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    case .kwIn: return .isIn
    default: return nil
    }
  }

  func comparison() throws -> Node {
    let e = try coalesce()
    guard let op = comparisonOperator(peekKind) else { return e }
    let t = advance()
    skipNewlines()
    let right = try coalesce()
    if comparisonOperator(peekKind) != nil {
      throw syntaxError("comparisons do not chain; write 'a < b and b < c'")
    }
    if let k = right as? Literal, case .int(let c) = k.value, op != .isIn {
      return ComparisonConstant(at(t), op, e, c)
    }
    return Comparison(at(t), op, e, right)
  }

  /// `a ?? b`: right-associative, looser than `|>` and arithmetic, tighter than comparison,
  /// so `counts[k] ?? 0 + 1` adds to the default and `r.n ?? 0 > 2` compares the result.
  func coalesce() throws -> Node {
    let e = try pipe()
    guard peekKind == .questionQuestion else { return e }
    let t = advance()
    skipNewlines()
    return Coalesce(at(t), e, try nested { try coalesce() })
  }

  /// `x |> f(a)` is `f(x, a)`; `x |> f` is `f(x)`. A pipe may start the next line.
  func pipe() throws -> Node {
    var e = try sum()
    while true {
      if peekKind == .newline {
        var j = i
        while tokens[j].kind == .newline { j += 1 }
        guard tokens[j].kind == .pipe else { break }
        i = j
      }
      guard peekKind == .pipe else { break }
      let t = advance()
      skipNewlines()
      let target = try postfix()
      if let call = target as? Call {
        e = call.prepending(e)
      } else {
        e = Call(at(t), target, [e], [])
      }
    }
    return e
  }

  /// A binary node, specialised when the right side is an integer literal.
  func binary(_ at: Location, _ op: BinaryOperator, _ left: Node, _ right: Node) -> Node {
    if let k = right as? Literal, case .int(let c) = k.value { return BinaryConstant(at, op, left, c) }
    return Binary(at, op, left, right)
  }

  func sum() throws -> Node {
    var e = try product()
    while peekKind == .plus || peekKind == .minus {
      let t = advance()
      skipNewlines()
      e = binary(at(t), t.kind == .plus ? .add : .subtract, e, try product())
    }
    return e
  }

  func product() throws -> Node {
    var e = try unary()
    while true {
      let op: BinaryOperator
      switch peekKind {
      case .star: op = .multiply
      case .slash: op = .divide
      case .slashSlash: op = .floorDivide
      case .percent: op = .remainder
      default: return e
      }
      let t = advance()
      skipNewlines()
      e = binary(at(t), op, e, try unary())
    }
  }

  func unary() throws -> Node {
    if peekKind == .minus {
      let t = advance()
      let operand = try nested { try unary() }
      // Fold literal negatives so `-9223372036854775808`-style constants and `-1` cost nothing.
      if let lit = operand as? Literal {
        switch lit.value {
        case .int(let v) where v != .min: return Literal(at(t), .int(-v))
        case .float(let d): return Literal(at(t), .float(-d))
        default: break
        }
      }
      return Negate(at(t), operand)
    }
    return try power()
  }

  func power() throws -> Node {
    let base = try postfix()
    if peekKind == .starStar {
      let t = advance()
      skipNewlines()
      return Binary(at(t), .power, base, try nested { try unary() })
    }
    return base
  }

  func postfix() throws -> Node {
    var e = try primary()
    while true {
      switch peekKind {
      case .leftParen:
        e = try callArguments(e)
      case .leftBracket:
        e = try indexOrSlice(e)
      case .dot:
        let t = advance()
        let name = advance()
        guard name.kind == .identifier || Token.keywords[name.text] != nil else {
          throw syntaxError("expected a field name after '.', found \(name.quoted)", at: name)
        }
        e = Field(at(t), e, name.text)
      default:
        return e
      }
    }
  }

  /// `xs[i]`, or a slice `xs[start:stop]` / `xs[start:stop:step]` with any part left out.
  func indexOrSlice(_ object: Node) throws -> Node {
    let t = advance()
    skipNewlines()
    var start: Node?
    if peekKind != .colon {
      start = try expression()
      skipNewlines()
      if peekKind != .colon {
        try expect(.rightBracket, "']'")
        return Index(at(t), object, start!)
      }
    }
    advance()  // the first ':'
    skipNewlines()
    var stop: Node?, step: Node?
    if peekKind != .colon && peekKind != .rightBracket { stop = try expression() }
    skipNewlines()
    if match(.colon) {
      skipNewlines()
      if peekKind != .rightBracket { step = try expression() }
    }
    skipNewlines()
    try expect(.rightBracket, "']' to end the slice")
    return Slice(at(t), object, start: start, stop: stop, step: step)
  }

  func callArguments(_ callee: Node) throws -> Call {
    let open = advance()
    var positional: [Node] = []
    var keywords: [(String, Node)] = []
    skipNewlines()
    while peekKind != .rightParen {
      if peekKind == .identifier && peekKind(1) == .colon {
        let k = advance()
        advance()
        skipNewlines()
        if keywords.contains(where: { $0.0 == k.text }) {
          throw syntaxError("keyword '\(k.text)' given twice", at: k)
        }
        keywords.append((k.text, try expression()))
      } else {
        if !keywords.isEmpty { throw syntaxError("positional argument after keyword arguments") }
        positional.append(try expression())
      }
      skipNewlines()
      if !match(.comma) { break }
      skipNewlines()
    }
    try expect(.rightParen, "')' to close the call opened at line \(open.line)")
    return Call(callee.location, callee, positional, keywords)
  }

  func primary() throws -> Node {
    let t = peek
    switch t.kind {
    case .int: advance(); return Literal(at(t), .int(t.intValue))
    case .float: advance(); return Literal(at(t), .float(t.floatValue))
    case .kwTrue: advance(); return Literal(at(t), .bool(true))
    case .kwFalse: advance(); return Literal(at(t), .bool(false))
    case .kwNil: advance(); return Literal(at(t), .none)
    case .string: advance(); return try string(t)
    case .identifier:
      advance()
      return variable(t.text, at: at(t))
    case .leftParen:
      advance()
      skipNewlines()
      let e = try expression()
      skipNewlines()
      try expect(.rightParen, "')'")
      return e
    case .leftBracket:
      advance()
      var elements: [Node] = []
      while peekKind != .rightBracket {
        elements.append(try expression())
        if !match(.comma) { break }
      }
      try expect(.rightBracket, "']' to close the list opened at line \(t.line)")
      return ListLiteral(at(t), elements)
    case .leftBrace:
      return try record()
    case .kwFn:
      advance()
      return try function(named: "<fn>", at: t)
    case .kwIf:
      return try ifExpression()
    default:
      throw syntaxError("expected an expression, found \(t.quoted)")
    }
  }

  func variable(_ name: String, at loc: Location) -> VariableGet {
    switch resolver.read(name) {
    case .local(let s): return LocalGet(loc, name, slot: s)
    case .cell(let c): return CellGet(loc, name, index: c)
    case .upvalue(let u): return UpvalueGet(loc, name, index: u)
    case .global(let g): return GlobalGet(loc, name, index: g, scope: resolver.scope)
    }
  }

  func string(_ t: Token) throws -> Node {
    if t.parts.count == 1, case .text(let s) = t.parts[0] { return Literal(at(t), .string(s)) }
    var parts: [Interpolation.Part] = []
    for p in t.parts {
      switch p {
      case .text(let s): parts.append(.text(s))
      case .code(let tokens, let format, let echo):
        let sub = Parser(tokens: tokens, file: file, resolver: resolver)
        sub.depth = depth
        sub.skipNewlines()
        let e = try sub.expression()
        sub.skipNewlines()
        guard sub.peekKind == .eof else { throw sub.syntaxError("expected '}' to end the interpolation, found \(sub.peek.quoted)") }
        var spec: FormatSpec?
        if echo && format == nil {
          // `{x=}` shows the value as the prompt does: `x="cnn"`, as Python's `{x=}` shows repr.
          parts.append(.code(Displayed(e), nil))
          continue
        }
        if let format, format.hasFields {
          // Known only when it runs: the node formats the value and gives back the text.
          parts.append(.code(try formatted(e, by: format), nil))
          continue
        }
        if let format {
          do {
            spec = try FormatSpec(format.text)
          } catch let e as ScriptError {
            throw file.error(.syntax, e.message, line: format.line, column: format.column)
          }
        }
        parts.append(.code(e, spec))
      }
    }
    return Interpolation(at(t), parts)
  }

  /// `{x:.{digits}f}`: a value formatted by a specification with nested fields, each parsed
  /// as an expression in the same scope as the value.
  private func formatted(_ value: Node, by format: Token.FormatText) throws -> Node {
    var pieces: [FormattedValue.Piece] = []
    for piece in format.pieces {
      switch piece {
      case .text(let s): pieces.append(.text(s))
      case .field(let tokens, let text, let line, let column):
        let sub = Parser(tokens: tokens, file: file, resolver: resolver)
        sub.depth = depth
        sub.skipNewlines()
        let e = try sub.expression()
        sub.skipNewlines()
        guard sub.peekKind == .eof else {
          throw sub.syntaxError("expected '}' to end the format field opened at \(line):\(column), found \(sub.peek.quoted)")
        }
        pieces.append(.field(e, written: text))
      }
    }
    let at = Location(file: file, line: format.line, column: format.column)
    return FormattedValue(at, value: value, pieces: pieces, written: format.text)
  }

  /// `{key: value, "other key": value}`.
  func record() throws -> Node {
    let open = advance()
    var fields: [(String, Node)] = []
    skipNewlines()
    while peekKind != .rightBrace {
      let k = advance()
      let key: String
      switch k.kind {
      case .identifier: key = k.text
      case .string:
        guard k.parts.count == 1, case .text(let s) = k.parts[0] else {
          throw syntaxError("record keys cannot be interpolated", at: k)
        }
        key = s
      default:
        if Token.keywords[k.text] != nil { key = k.text; break }
        throw syntaxError("expected a record key, found \(k.quoted)", at: k)
      }
      try expect(.colon, "':' after record key '\(key)'")
      skipNewlines()
      if fields.contains(where: { $0.0 == key }) { throw syntaxError("key '\(key)' appears twice", at: k) }
      fields.append((key, try expression()))
      skipNewlines()
      if !match(.comma) { break }
      skipNewlines()
    }
    try expect(.rightBrace, "'}' to close the record opened at line \(open.line)")
    return RecordLiteral(at(open), fields)
  }

  /// `if c { } else if d { } else { }`; `else` may start the next line.
  func ifExpression() throws -> Node {
    let t = advance()
    let condition = try expression()
    let then = try block()
    var j = i
    while tokens[j].kind == .newline { j += 1 }
    guard tokens[j].kind == .kwElse else { return If(at(t), condition, then, nil) }
    i = j + 1
    let otherwise: Node = peekKind == .kwIf ? try nested { try ifExpression() } : try block()
    return If(at(t), condition, then, otherwise)
  }
}
