/// A value shown as the prompt shows it (strings quoted), for Python's self-documenting
/// interpolation:
///
///     name = "cnn"; lr = 0.01
///     "{name=} {lr = }"      # name="cnn" lr = 0.01
///     "{lr=:.1e}"            # lr=1.0e-02 (a specification formats as usual)
final class Displayed: Node {
  let value: Node

  init(_ value: Node) {
    self.value = value
    super.init(value.location)
  }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    .string(try value.eval(frame, it).displayString)
  }
}
