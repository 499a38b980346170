/// `a + b`, `a * b`, ...: evaluates both sides, then applies the operator.
final class Binary: Node {
  override var children: [Node] { [left, right] }
  let op: BinaryOperator
  let left: Node
  let right: Node
  /// The slot of an operand that is a local variable (read in place, no node call), or -1.
  private let leftSlot: Int
  private let rightSlot: Int
  init(_ at: Location, _ op: BinaryOperator, _ left: Node, _ right: Node) {
    self.op = op
    self.left = left
    self.right = right
    leftSlot = (left as? LocalGet)?.slot ?? -1
    rightSlot = (right as? LocalGet)?.slot ?? -1
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    // Two int locals, read in place (no copies of the values).
    if leftSlot >= 0, rightSlot >= 0, case .int(let x) = frame.slots[leftSlot], case .int(let y) = frame.slots[rightSlot],
       let r = op.intsWithoutOverflow(x, y) {
      return r
    }
    return try evalGeneral(frame, it)
  }

  /// Everything but two int locals, out of line: the fast path above then needs few
  /// registers, and so a short prologue (callgrind: 47 → 30 instructions for `s + i`).
  @inline(never)
  private func evalGeneral(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let a = leftSlot >= 0 ? frame.slots[leftSlot] : try left.eval(frame, it)
    let b = rightSlot >= 0 ? frame.slots[rightSlot] : try right.eval(frame, it)
    if let r = op.numbersWithoutError(a, b) { return r }
    do {
      if case .int(let x) = a, case .int(let y) = b { return try op.ints(x, y) }
      return try op.apply(a, b)
    } catch {
      throw located(error)
    }
  }
}

/// The comparison operators, and `in` (membership in a list, record, string or host object).
enum ComparisonOperator: String {
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
  case isIn = "in"
}

final class Comparison: Node {
  override var children: [Node] { [left, right] }
  let op: ComparisonOperator
  let left: Node
  let right: Node
  /// The slot of an operand that is a local variable (read in place, no node call), or -1.
  private let leftSlot: Int
  private let rightSlot: Int
  init(_ at: Location, _ op: ComparisonOperator, _ left: Node, _ right: Node) {
    self.op = op
    self.left = left
    self.right = right
    leftSlot = (left as? LocalGet)?.slot ?? -1
    rightSlot = (right as? LocalGet)?.slot ?? -1
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    .bool(try test(frame, it))
  }

  override func test(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    // Two int locals, read in place (no copies of the values).
    if leftSlot >= 0, rightSlot >= 0, case .int(let x) = frame.slots[leftSlot], case .int(let y) = frame.slots[rightSlot],
       let r = compare(x, y) {
      return r
    }
    return try testGeneral(frame, it)
  }

  /// Everything but two int locals, out of line (a short prologue for the fast path).
  @inline(never)
  private func testGeneral(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    let a = leftSlot >= 0 ? frame.slots[leftSlot] : try left.eval(frame, it)
    let b = rightSlot >= 0 ? frame.slots[rightSlot] : try right.eval(frame, it)
    if case .int(let x) = a, case .int(let y) = b, let r = compare(x, y) { return r }
    guard case .bool(let r) = try Comparison.evaluate(op, a, b, at: self) else { return false }
    return r
  }

  @inline(__always)
  private func compare(_ x: Int, _ y: Int) -> Bool? {
    switch op {
    case .equal: return x == y
    case .notEqual: return x != y
    case .less: return x < y
    case .lessEqual: return x <= y
    case .greater: return x > y
    case .greaterEqual: return x >= y
    case .isIn: return nil  // an error, from `evaluate`
    }
  }

  static func evaluate(_ op: ComparisonOperator, _ a: Value, _ b: Value, at node: Node) throws -> Value {
    do {
      switch op {
      case .equal: return .bool(a.isEqual(to: b))
      case .notEqual: return .bool(!a.isEqual(to: b))
      case .less: return .bool(try a.compare(to: b) < 0)
      case .lessEqual: return .bool(try a.compare(to: b) <= 0)
      case .greater: return .bool(try a.compare(to: b) > 0)
      case .greaterEqual: return .bool(try a.compare(to: b) >= 0)
      case .isIn: return .bool(try Comparison.contains(b, a))
      }
    } catch {
      throw node.located(error)
    }
  }

  static func contains(_ container: Value, _ item: Value) throws -> Bool {
    switch (container, item) {
    case (.list(let l), _): return l.contains { $0.isEqual(to: item) }
    case (.record(let r), .string(let k)): return r[k] != nil
    case (.string(let s), .string(let sub)): return sub.isEmpty || s.contains(sub)
    case (.host(let h), .string(let k)): return h.field(k) != nil
    default:
      throw ScriptError.runtime("cannot look for \(item.typeName) in \(container.typeName)")
    }
  }
}

/// `a and b`: `a` when it is false, else `b` (Python's rule, so `x or default` works).
final class And: Node {
  override var children: [Node] { [left, right] }
  let left: Node
  let right: Node
  init(_ at: Location, _ left: Node, _ right: Node) {
    self.left = left
    self.right = right
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let a = try left.eval(frame, it)
    return a.isTruthy ? try right.eval(frame, it) : a
  }
  override func test(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    try left.test(frame, it) && right.test(frame, it)
  }
}

/// `a or b`: `a` when it is true, else `b`.
final class Or: Node {
  override var children: [Node] { [left, right] }
  let left: Node
  let right: Node
  init(_ at: Location, _ left: Node, _ right: Node) {
    self.left = left
    self.right = right
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let a = try left.eval(frame, it)
    return a.isTruthy ? a : try right.eval(frame, it)
  }
  override func test(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    try left.test(frame, it) || right.test(frame, it)
  }
}

final class Not: Node {
  override var children: [Node] { [operand] }
  let operand: Node
  init(_ at: Location, _ operand: Node) {
    self.operand = operand
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    .bool(!(try operand.test(frame, it)))
  }
  override func test(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    !(try operand.test(frame, it))
  }
}

final class Negate: Node {
  override var children: [Node] { [operand] }
  let operand: Node
  init(_ at: Location, _ operand: Node) {
    self.operand = operand
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    switch try operand.eval(frame, it) {
    case .int(let i): return i == .min ? .float(-Double(i)) : .int(-i)
    case .float(let d): return .float(-d)
    case let v: throw error("cannot negate \(v.typeName)")
    }
  }
}
