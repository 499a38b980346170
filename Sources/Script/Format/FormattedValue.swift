/// A value formatted by a specification with nested fields, known only when it runs:
///
///     "{x:.{digits}f}"       # digits = 2: "3.14"
///     "{name:>{width}}"      # width = 6:  "   cnn"
///     "{x:{fill}^{width}}"   # fill = "*", width = 7: "**3.5**"
///
/// As in Python's f-strings, each nested field is an expression whose value (an int or a
/// string) is written into the specification, which is then read as usual (see `FormatSpec`).
/// The parser builds this node only for such specifications; a plain one is read once, with
/// the program. The node sits where the specification starts, so a specification that comes
/// out malformed is reported there.
final class FormattedValue: Node {
  enum Piece {
    case text(String)
    /// A nested field's expression and its text as written (`{digits}`).
    case field(Node, written: String)
  }

  let value: Node
  let pieces: [Piece]
  /// The whole specification as written, for messages.
  let written: String

  init(_ at: Location, value: Node, pieces: [Piece], written: String) {
    self.value = value
    self.pieces = pieces
    self.written = written
    super.init(at)
  }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let v = try value.eval(frame, it)
    var text = ""
    for piece in pieces {
      switch piece {
      case .text(let s): text += s
      case .field(let node, let field):
        switch try node.eval(frame, it) {
        case .int(let n): text += String(n)
        case .string(let s): text += s
        case let other:
          throw node.error("format field \(field) in ':\(written)' must be an int or a string, got \(other.typeName) \(other.shortDescription)")
        }
      }
    }
    let spec: FormatSpec
    do { spec = try FormatSpec(text, written: written) } catch { throw self.located(error) }
    do { return .string(try spec.apply(v)) } catch { throw value.located(error) }
  }
}
