/// Builds the executable tree from tokens, resolving names as it goes (see `Resolver`).
///
///     let ok = Parser.isComplete("fn f(x) {")   // false: the REPL shows a continuation prompt
///     try Parser.check("x = (1 +", file: "a.joule")   // throws a syntax error with line and column
///
/// A `{` where an expression is expected always starts a record literal; blocks follow only
/// `if`, `else`, `while`, `for ... in ...` and `fn (...)`. So `fn(i) { {n: i} }` is a function
/// whose body's value is a record.
public final class Parser {
  /// Deeper nesting than this is refused, so parsing cannot run out of stack.
  static let maxDepth = 1000

  let file: SourceFile
  let resolver: Resolver
  var tokens: [Token]
  var i = 0
  var depth = 0

  init(tokens: [Token], file: SourceFile, resolver: Resolver) {
    self.tokens = tokens
    self.file = file
    self.resolver = resolver
  }

  /// Parses a whole program; top-level names resolve into `globals`.
  static func parse(_ file: SourceFile, globals: Globals) throws -> Block {
    var scanner = Scanner(file)
    let tokens = try scanner.scan()
    let p = Parser(tokens: tokens, file: file, resolver: Resolver(globals: globals))
    return try p.program()
  }

  /// Parses only, reporting the first syntax error (`joule check`).
  /// On the big stack, as a run parses: a deep expression, or the partial tree an error
  /// unwinds, must not overflow the caller's stack (the notebook's preflight, the kernel).
  public static func check(_ source: String, file: String) throws {
    try BigStack.run {
      var roots: [Node] = [try parse(SourceFile(name: file, text: source), globals: Globals())]
      SyntaxTeardown.release(&roots)
    }
  }

  /// False while a bracket, block or string is open, or the input ends with an operator:
  /// the REPL then reads another line.
  public static func isComplete(_ source: String) -> Bool {
    var scanner = Scanner(SourceFile(name: "<input>", text: source))
    let tokens: [Token]
    do {
      tokens = try scanner.scan()
    } catch let e as ScriptError {
      return !e.message.hasPrefix("unterminated string")
    } catch {
      return true
    }
    var open = 0
    for t in tokens {
      switch t.kind {
      case .leftParen, .leftBracket, .leftBrace: open += 1
      case .rightParen, .rightBracket, .rightBrace: open -= 1
      default: break
      }
    }
    if open > 0 { return false }
    let last = tokens.last { $0.kind != .newline && $0.kind != .eof }
    return !(last?.continuesLine ?? false)
  }

  // MARK: - Tokens

  var peek: Token { tokens[i] }
  var peekKind: Token.Kind { tokens[i].kind }
  func peekKind(_ ahead: Int) -> Token.Kind { tokens[min(i + ahead, tokens.count - 1)].kind }

  @discardableResult
  func advance() -> Token {
    let t = tokens[i]
    if t.kind != .eof { i += 1 }
    return t
  }

  func match(_ kind: Token.Kind) -> Bool {
    if peekKind == kind { advance(); return true }
    return false
  }

  func at(_ t: Token) -> Location { Location(file: file, line: t.line, column: t.column) }

  func syntaxError(_ message: String, at t: Token? = nil) -> ScriptError {
    let t = t ?? peek
    return file.error(.syntax, message, line: t.line, column: t.column)
  }

  @discardableResult
  func expect(_ kind: Token.Kind, _ what: String) throws -> Token {
    guard peekKind == kind else { throw syntaxError("expected \(what), found \(peek.quoted)") }
    return advance()
  }

  func skipNewlines() {
    while peekKind == .newline || peekKind == .semicolon { advance() }
  }

  /// Runs `body` one nesting level deeper, refusing absurd depths with an error.
  func nested<T>(_ body: () throws -> T) throws -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > Parser.maxDepth { throw syntaxError("too deeply nested (more than \(Parser.maxDepth) levels)") }
    return try body()
  }

  // MARK: - Statements

  func program() throws -> Block {
    let start = at(peek)
    var statements: [Node] = []
    skipNewlines()
    while peekKind != .eof {
      statements.append(try statement())
      try endOfStatement()
    }
    return Block(start, statements)
  }

  func endOfStatement() throws {
    switch peekKind {
    case .newline, .semicolon: skipNewlines()
    case .eof, .rightBrace: break
    default: throw syntaxError("expected end of line after statement, found \(peek.quoted)")
    }
  }

  var atStatementEnd: Bool {
    switch peekKind {
    case .newline, .semicolon, .eof, .rightBrace: return true
    default: return false
    }
  }

  /// `{ statement* }`. A one-statement block is just that statement, and an empty one nil:
  /// fewer nodes to walk on every call.
  func block(loop: Bool = false) throws -> Node {
    try nested {
      let open = try expect(.leftBrace, "'{'")
      declareFunctions()
      if loop { resolver.enterLoop() }
      defer { if loop { resolver.exitLoop() } }
      var statements: [Node] = []
      skipNewlines()
      while peekKind != .rightBrace {
        if peekKind == .eof { throw syntaxError("expected '}' to close the block opened at line \(open.line)") }
        statements.append(try statement())
        try endOfStatement()
      }
      advance()
      if statements.count == 1 { return statements[0] }
      if statements.isEmpty { return Literal(at(open), .none) }
      return Block(at(open), statements)
    }
  }

  /// Declares the functions named by `fn NAME` statements of the block about to be parsed,
  /// before its first statement, so local functions may call each other in any order
  /// (mutual recursion). At the top level names are globals, found when they run, already.
  func declareFunctions() {
    guard resolver.inFunction else { return }
    var j = i, open = 0
    var atStart = true
    while j < tokens.count - 1 {
      let t = tokens[j]
      switch t.kind {
      case .leftParen, .leftBracket, .leftBrace: open += 1
      case .rightParen, .rightBracket: open -= 1
      case .rightBrace:
        if open == 0 { return }
        open -= 1
      case .eof: return
      case .kwFn where open == 0 && atStart && tokens[j + 1].kind == .identifier:
        _ = resolver.write(tokens[j + 1].text)
      default: break
      }
      atStart = open == 0 && (t.kind == .newline || t.kind == .semicolon)
      j += 1
    }
  }

  func statement() throws -> Node {
    let t = peek
    switch t.kind {
    case .kwFn where peekKind(1) == .identifier:
      return try functionDeclaration()
    case .kwReturn:
      advance()
      guard resolver.inFunction else { throw syntaxError("'return' outside a function", at: t) }
      return Return(at(t), atStatementEnd ? nil : try expression())
    case .kwBreak, .kwContinue:
      advance()
      guard resolver.inLoop else { throw syntaxError("'\(t.text)' outside a loop", at: t) }
      return t.kind == .kwBreak ? Break(at(t)) : Continue(at(t))
    case .kwWhile:
      advance()
      let condition = try expression()
      return While(at(t), condition, try block(loop: true))
    case .kwFor:
      advance()
      let name = try expect(.identifier, "a variable name after 'for'")
      try expect(.kwIn, "'in'")
      let iterable = try expression()
      let target = resolver.write(name.text)
      return ForIn(at(t), target, iterable, try block(loop: true))
    default:
      return try assignmentOrExpression()
    }
  }

  func assignmentOrExpression() throws -> Node {
    let start = peek
    let e = try expression()
    let op: BinaryOperator?
    switch peekKind {
    case .equal: op = nil
    case .plusEqual: op = .add
    case .minusEqual: op = .subtract
    case .starEqual: op = .multiply
    case .slashEqual: op = .divide
    default: return e
    }
    let opToken = advance()
    skipNewlines()
    let value = try expression()
    if let v = e as? VariableGet {
      let ref = resolver.write(v.name)
      if let op { return CompoundAssign(at(start), ref, name: v.name, op, value) }
      return Assign(at(start), ref, value)
    }
    // A path: walk from the outermost access back to the variable it starts from.
    var steps: [PathAssign.Step] = []
    var node: Node = e
    while true {
      if let x = node as? Index {
        steps.append(.index(x.index))
        node = x.object
      } else if let f = node as? Field {
        steps.append(.field(f.name))
        node = f.object
      } else {
        break
      }
    }
    if node is Slice {
      // Python allows it; joule's slices are new values, so say how to build the list instead.
      throw syntaxError("a slice cannot be assigned to; build a new list, e.g. xs = xs[:1] + [0] + xs[3:]", at: start)
    }
    guard let root = node as? VariableGet, !steps.isEmpty else {
      throw syntaxError("cannot assign to this expression; the left of '\(opToken.text)' must be a name, xs[i] or r.key", at: start)
    }
    return PathAssign(at(opToken), root: root.ref, rootName: root.name, steps: steps.reversed(), op: op, value: value)
  }

  /// `fn name(params) { body }`: binds `name` before the body, so the function can recurse.
  func functionDeclaration() throws -> Node {
    let fnToken = advance()
    let name = advance()
    let target = resolver.write(name.text)
    let f = try function(named: name.text, at: fnToken)
    return Assign(at(fnToken), target, f)
  }

  /// The `#` lines directly above a declaration, for `help`.
  func docComment(above line: Int) -> String {
    var lines: [String] = []
    var n = line - 1
    while let text = file.line(n), text.trimmingLeadingSpaces.hasPrefix("#") {
      let body = text.trimmingLeadingSpaces.dropFirst()
      lines.insert(String(body.first == " " ? body.dropFirst() : body), at: 0)
      n -= 1
    }
    return lines.joined(separator: "\n")
  }

  /// Parameters and body, after `fn` (and the name, if any).
  func function(named name: String, at fnToken: Token) throws -> FunctionLiteral {
    try expect(.leftParen, "'(' after fn")
    resolver.beginFunction(captured: namesUsedByNestedFunctions())
    var closed = false
    defer { if !closed { _ = resolver.endFunction() } }
    var params: [String] = []
    var defaults: [Node?] = []
    while peekKind != .rightParen {
      let p = try expect(.identifier, "a parameter name")
      guard resolver.declare(p.text) else { throw syntaxError("parameter '\(p.text)' appears twice", at: p) }
      params.append(p.text)
      if match(.colon) {
        defaults.append(try expression())
      } else {
        if defaults.contains(where: { $0 != nil }) {
          throw syntaxError("parameter '\(p.text)' needs a default: it follows one that has one", at: p)
        }
        defaults.append(nil)
      }
      if !match(.comma) { break }
    }
    try expect(.rightParen, "')' after parameters")
    let proto = FunctionProto(name: name, parameters: params, defaults: defaults, location: at(fnToken),
                              doc: name == "<fn>" ? "" : docComment(above: fnToken.line))
    // Loops outside the function do not make `break` legal inside it.
    proto.parameterRefs = params.map { resolver.read($0) }
    let body = try block()
    proto.body = body
    let layout = resolver.endFunction()
    proto.localCount = layout.slotCount
    proto.cellSlots = layout.cellSlots
    proto.captures = layout.captures
    proto.compile()
    closed = true
    return FunctionLiteral(at(fnToken), proto)
  }
}

extension String {
  var trimmingLeadingSpaces: Substring { self.drop { $0 == " " || $0 == "\t" } }
}
