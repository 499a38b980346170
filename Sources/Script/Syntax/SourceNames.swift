/// The global names an input reads and writes, read from its tokens: what `:save` needs to
/// leave out the inputs that depend on one that failed.
///
///     SourceNames.of("rb = train(m, d)")   // reads ["train", "m", "d"], writes ["rb"]
///     SourceNames.of("_.epochs")           // reads ["_"], writes []
///
/// An approximation that errs towards reading more: every name used anywhere counts as read
/// (a function's own locals too), field names after `.` and keyword names before `:` do not;
/// only assignments at the top level (`x = `, `x += `, `fn x(`, `for x in`) count as writes.
/// nil when the input does not scan.
public struct SourceNames: Equatable, Sendable {
  public var reads: Set<String> = []
  public var writes: Set<String> = []

  public static func of(_ source: String) -> SourceNames? {
    var scanner = Scanner(SourceFile(name: "<input>", text: source))
    guard let tokens = try? scanner.scan() else { return nil }
    var names = SourceNames()
    names.add(tokens, topLevel: true)
    return names
  }

  private mutating func add(_ tokens: [Token], topLevel: Bool) {
    var depth = 0
    for (i, t) in tokens.enumerated() {
      let next = i + 1 < tokens.count ? tokens[i + 1].kind : .eof
      let previous = i > 0 ? tokens[i - 1].kind : .newline
      switch t.kind {
      case .leftParen, .leftBracket, .leftBrace: depth += 1
      case .rightParen, .rightBracket, .rightBrace: depth -= 1
      case .string:
        for part in t.parts { if case .code(let inner, _, _) = part { add(inner, topLevel: false) } }
      case .identifier:
        if previous == .dot { continue }
        // `f(x: 1)` and `{lr: 0.1}`: a keyword or a key, not a variable.
        if next == .colon && depth > 0 { continue }
        let atTop = topLevel && depth == 0
        switch next {
        case .equal where atTop:
          writes.insert(t.text)
        case .plusEqual where atTop, .minusEqual where atTop, .starEqual where atTop, .slashEqual where atTop:
          reads.insert(t.text)
          writes.insert(t.text)
        default:
          if atTop && (previous == .kwFn || previous == .kwFor) {
            writes.insert(t.text)
          } else {
            reads.insert(t.text)
          }
        }
      default: break
      }
    }
  }
}
