/// One lexical token: its kind, where it starts, and a literal payload when it has one.
///
///     x = 0.5   # identifier "x", equal, float 0.5
struct Token {
  enum Kind: Equatable {
    case identifier, int, float, string, newline, eof
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, colon, semicolon
    case plus, minus, star, starStar, slash, slashSlash, percent
    case equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case plusEqual, minusEqual, starEqual, slashEqual
    case pipe, questionQuestion
    case kwFn, kwIf, kwElse, kwFor, kwIn, kwWhile, kwBreak, kwContinue, kwReturn
    case kwAnd, kwOr, kwNot, kwTrue, kwFalse, kwNil
  }

  /// A piece of a string literal: plain text, or an interpolated `{expression}` as tokens,
  /// with the format specification after its top-level `:` when there is one (`{x:.3f}`).
  /// `echo`: written `{expression=}`, so the text before it holds the expression as written
  /// and the value shows as the prompt would (strings quoted), as in Python's f-strings.
  enum StringPart {
    case text(String)
    case code([Token], format: FormatText?, echo: Bool)
  }

  /// A format specification as written, and where it starts, for error positions. Its
  /// pieces split it into literal text and nested fields (`.{digits}f` is `.`, `{digits}`, `f`).
  struct FormatText {
    enum Piece {
      case text(String)
      /// A nested `{expression}`: its tokens (ending with `.eof`), its text with the braces
      /// as written, and where its `{` is.
      case field([Token], text: String, line: Int, column: Int)
    }
    var text: String
    var line: Int
    var column: Int
    var pieces: [Piece] = []
    /// True when the specification holds a nested field, so it is known only when it runs.
    var hasFields: Bool { pieces.contains { if case .field = $0 { true } else { false } } }
  }

  var kind: Kind
  /// The identifier's name, or the source text of other tokens.
  var text: String
  var line: Int
  var column: Int
  var intValue: Int = 0
  var floatValue: Double = 0
  /// For `.string`: its parts (a single `.text` when there is no interpolation).
  var parts: [StringPart] = []

  static let keywords: [String: Kind] = [
    "fn": .kwFn, "if": .kwIf, "else": .kwElse, "for": .kwFor, "in": .kwIn, "while": .kwWhile,
    "break": .kwBreak, "continue": .kwContinue, "return": .kwReturn, "and": .kwAnd, "or": .kwOr,
    "not": .kwNot, "true": .kwTrue, "false": .kwFalse, "nil": .kwNil,
  ]

  /// Tokens after which a line cannot end a statement (the REPL keeps reading).
  var continuesLine: Bool {
    switch kind {
    case .plus, .minus, .star, .starStar, .slash, .slashSlash, .percent, .equal, .equalEqual,
         .bangEqual, .less, .lessEqual, .greater, .greaterEqual, .plusEqual, .minusEqual,
         .starEqual, .slashEqual, .pipe, .questionQuestion, .comma, .dot, .kwAnd, .kwOr, .kwNot, .kwIn:
      return true
    default:
      return false
    }
  }

  /// How the token reads in an error message.
  var quoted: String {
    switch kind {
    case .eof: return "end of input"
    case .newline: return "end of line"
    case .string: return "a string"
    default: return "'\(text)'"
    }
  }
}

extension Token.FormatText {
  /// The tokens of every nested field, in order: what a capture analysis must see.
  var fieldTokens: [Token] {
    pieces.flatMap { piece -> [Token] in
      if case .field(let tokens, _, _, _) = piece { return tokens }
      return []
    }
  }
}
