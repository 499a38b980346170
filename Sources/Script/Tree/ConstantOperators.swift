/// `n - 1`, `i < 10`: an operator whose right side is an integer literal. The parser makes
/// these instead of `Binary`/`Comparison` so the hot paths of loops and recursion skip one
/// node evaluation and one value copy (a "superinstruction").
final class BinaryConstant: Node {
  override var children: [Node] { [left] }
  let op: BinaryOperator
  let left: Node
  let constant: Int
  /// The slot when `left` is a local variable (read in place, no node call), or -1.
  private let leftSlot: Int
  init(_ at: Location, _ op: BinaryOperator, _ left: Node, _ constant: Int) {
    self.op = op
    self.left = left
    self.constant = constant
    leftSlot = (left as? LocalGet)?.slot ?? -1
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    // An int local, read in place (no copy of the value).
    if leftSlot >= 0, case .int(let x) = frame.slots[leftSlot], let r = op.intsWithoutOverflow(x, constant) { return r }
    return try evalGeneral(frame, it)
  }

  /// Everything but an int local, out of line (a short prologue for the fast path).
  @inline(never)
  private func evalGeneral(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let a = leftSlot >= 0 ? frame.slots[leftSlot] : try left.eval(frame, it)
    do {
      if case .int(let x) = a {
        if let r = op.intsWithoutOverflow(x, constant) { return r }
        return try op.ints(x, constant)
      }
      return try op.apply(a, .int(constant))
    } catch {
      throw located(error)
    }
  }
}

final class ComparisonConstant: Node {
  override var children: [Node] { [left] }
  let op: ComparisonOperator
  let left: Node
  let constant: Int
  private let leftSlot: Int
  init(_ at: Location, _ op: ComparisonOperator, _ left: Node, _ constant: Int) {
    self.op = op
    self.left = left
    self.constant = constant
    leftSlot = (left as? LocalGet)?.slot ?? -1
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    .bool(try test(frame, it))
  }
  override func test(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    if leftSlot >= 0, case .int(let x) = frame.slots[leftSlot], let r = compare(x) { return r }
    return try testGeneral(frame, it)
  }

  /// Everything but an int local, out of line (a short prologue for the fast path).
  @inline(never)
  private func testGeneral(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    let a = leftSlot >= 0 ? frame.slots[leftSlot] : try left.eval(frame, it)
    if case .int(let x) = a, let r = compare(x) { return r }
    guard case .bool(let r) = try Comparison.evaluate(op, a, .int(constant), at: self) else { return false }
    return r
  }

  @inline(__always)
  private func compare(_ x: Int) -> Bool? {
    switch op {
    case .equal: return x == constant
    case .notEqual: return x != constant
    case .less: return x < constant
    case .lessEqual: return x <= constant
    case .greater: return x > constant
    case .greaterEqual: return x >= constant
    case .isIn: return nil  // an error, from `Comparison.evaluate`
    }
  }
}
