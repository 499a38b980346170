/// Which names a function's nested functions use, read from its tokens before its body is
/// parsed: the resolver gives locals with those names a cell, so closures share them, and
/// keeps every other local in the call's frame on the stack.
///
///     fn counter() { n = 0; fn() { n = n + 1 } }   # n gets a cell; counter's frame holds nothing else
extension Parser {
  /// For the function whose `(` is the token before the current one: every identifier written
  /// inside a `fn` nested in its parameters or body (a superset of what they capture).
  func namesUsedByNestedFunctions() -> Set<String> {
    var names = Set<String>()
    let open = i - 1
    guard open >= 0, tokens[open].kind == .leftParen else { return names }
    let end = endOfFunction(parameters: open)
    var k = open + 1
    while k < end {
      let t = tokens[k]
      if t.kind == .kwFn {
        var p = k + 1
        if tokens[p].kind == .identifier { p += 1 }
        let last = tokens[p].kind == .leftParen ? endOfFunction(parameters: p) : p
        for n in k...min(last, end) { Parser.collectIdentifiers(tokens[n], into: &names) }
        k = last + 1
        continue
      }
      if t.kind == .string { Parser.collectFromNestedFunctionsIn(t, into: &names) }
      k += 1
    }
    return names
  }

  /// The index of the `}` that ends a function whose parameter list opens at `open`.
  private func endOfFunction(parameters open: Int) -> Int {
    let close = matching(open)
    guard close + 1 < tokens.count, tokens[close + 1].kind == .leftBrace else { return close }
    return matching(close + 1)
  }

  /// The index of the bracket that closes the one at `k` (or the last token).
  private func matching(_ k: Int) -> Int {
    var depth = 0
    var j = k
    while j < tokens.count {
      switch tokens[j].kind {
      case .leftParen, .leftBracket, .leftBrace: depth += 1
      case .rightParen, .rightBracket, .rightBrace:
        depth -= 1
        if depth == 0 { return j }
      case .eof: return j
      default: break
      }
      j += 1
    }
    return tokens.count - 1
  }

  private static func collectIdentifiers(_ t: Token, into names: inout Set<String>) {
    if t.kind == .identifier { names.insert(t.text) }
    for case .code(let tokens, let format, _) in t.parts {
      for u in tokens + (format?.fieldTokens ?? []) { collectIdentifiers(u, into: &names) }
    }
  }

  /// A `fn` written inside an interpolation: everything named in that interpolation counts.
  private static func collectFromNestedFunctionsIn(_ t: Token, into names: inout Set<String>) {
    for case .code(let code, let format, _) in t.parts {
      let tokens = code + (format?.fieldTokens ?? [])
      guard tokens.contains(where: { $0.kind == .kwFn || $0.kind == .string }) else { continue }
      for u in tokens { collectIdentifiers(u, into: &names) }
    }
  }
}
