import Foundation

/// The arithmetic operators and what they do to values, Python's way: `/` on integers gives a
/// float, `//` floors, `%` takes the sign of the divisor, integer overflow widens to a float.
///
///     BinaryOperator.add.apply(.int(1), .int(2))   // .int(3)
enum BinaryOperator: String {
  case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
  case remainder = "%", power = "**"

  /// Lists built by `*` stay below this many elements, so a typo cannot exhaust memory.
  static let maxRepeat = 10_000_000

  private var verb: String {
    switch self {
    case .add: return "add"
    case .subtract: return "subtract"
    case .multiply: return "multiply"
    case .divide, .floorDivide: return "divide"
    case .remainder: return "take the remainder of"
    case .power: return "raise"
    }
  }

  private func mismatch(_ a: Value, _ b: Value) -> ScriptError {
    var m = "cannot \(verb) \(a.typeName) and \(b.typeName)"
    if self == .add, case .string = a { m += " (convert with str(x), or write \"...{x}\")" }
    if self == .add, case .string = b { m += " (convert with str(x), or write \"...{x}\")" }
    return .runtime(m)
  }

  func apply(_ a: Value, _ b: Value) throws -> Value {
    if case .int(let x) = a, case .int(let y) = b { return try ints(x, y) }
    if let x = a.number, let y = b.number, !a.isBool, !b.isBool { return try floats(x, y) }
    switch (self, a, b) {
    case (.add, .string(let x), .string(let y)): return .string(x + y)
    case (.add, .list(let x), .list(let y)): return .list(x + y)
    case (.multiply, .list(let x), .int(let n)), (.multiply, .int(let n), .list(let x)):
      guard n <= 0 || x.count <= BinaryOperator.maxRepeat / n else { throw ScriptError.runtime("list too large") }
      return .list(Array([[Value]](repeating: x, count: max(0, n)).joined()))
    case (.multiply, .string(let s), .int(let n)), (.multiply, .int(let n), .string(let s)):
      guard n <= 0 || s.utf8.count <= BinaryOperator.maxRepeat / n else { throw ScriptError.runtime("string too large") }
      return .string(String(repeating: s, count: max(0, n)))
    default: throw mismatch(a, b)
    }
  }

  /// `apply(a, b)` for two numbers when it cannot fail or widen: the ints of
  /// `intsWithoutOverflow`, and `+`, `-`, `*`, `/` (by non-zero) of floats and mixed numbers,
  /// inline; nil sends the rest to `apply`.
  @inline(__always)
  func numbersWithoutError(_ a: Value, _ b: Value) -> Value? {
    let x: Double, y: Double
    switch (a, b) {
    case (.int(let i), .int(let j)): return intsWithoutOverflow(i, j)
    case (.float(let p), .float(let q)): (x, y) = (p, q)
    case (.int(let i), .float(let q)): (x, y) = (Double(i), q)
    case (.float(let p), .int(let j)): (x, y) = (p, Double(j))
    default: return nil
    }
    switch self {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide where y != 0: return .float(x / y)
    default: return nil
    }
  }

  /// `ints(x, y)` when it is an int that needs no widening and no error: `+`, `-` and `*` that
  /// fit, `//` and `%` by a positive number (floored, as `ints` does); nil for every other case,
  /// which the caller sends to `ints`.
  @inline(__always)
  func intsWithoutOverflow(_ x: Int, _ y: Int) -> Value? {
    switch self {
    case .remainder where y > 0:
      let r = x % y
      return .int(r < 0 ? r + y : r)
    case .floorDivide where y > 0:
      let q = x / y
      return .int(x < 0 && q * y != x ? q - 1 : q)
    case .add:
      let (r, o) = x.addingReportingOverflow(y)
      return o ? nil : .int(r)
    case .subtract:
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? nil : .int(r)
    case .multiply:
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? nil : .int(r)
    default:
      return nil
    }
  }

  @inline(__always)
  func ints(_ x: Int, _ y: Int) throws -> Value {
    switch self {
    case .add:
      let (r, o) = x.addingReportingOverflow(y)
      return o ? .float(Double(x) + Double(y)) : .int(r)
    case .subtract:
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? .float(Double(x) - Double(y)) : .int(r)
    case .multiply:
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? .float(Double(x) * Double(y)) : .int(r)
    case .divide:
      if y == 0 { throw ScriptError.runtime("division by zero") }
      return .float(Double(x) / Double(y))
    case .floorDivide:
      if y == 0 { throw ScriptError.runtime("division by zero") }
      if x == Int.min && y == -1 { return .float(-Double(x)) }
      let q = x / y
      return .int((x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q)
    case .remainder:
      if y == 0 { throw ScriptError.runtime("division by zero") }
      if y == -1 { return .int(0) }
      let r = x % y
      return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
    case .power:
      if y < 0 { return .float(Foundation.pow(Double(x), Double(y))) }
      var result = 1, base = x, e = y
      while e > 0 {
        if e & 1 == 1 {
          let (r, o) = result.multipliedReportingOverflow(by: base)
          if o { return .float(Foundation.pow(Double(x), Double(y))) }
          result = r
        }
        e >>= 1
        if e > 0 {
          let (b2, o) = base.multipliedReportingOverflow(by: base)
          if o { return .float(Foundation.pow(Double(x), Double(y))) }
          base = b2
        }
      }
      return .int(result)
    }
  }

  func floats(_ x: Double, _ y: Double) throws -> Value {
    switch self {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide:
      if y == 0 { throw ScriptError.runtime("division by zero") }
      return .float(x / y)
    case .floorDivide:
      if y == 0 { throw ScriptError.runtime("division by zero") }
      return .float((x / y).rounded(.down))
    case .remainder:
      if y == 0 { throw ScriptError.runtime("division by zero") }
      let r = fmod(x, y)
      return .float(r != 0 && (r < 0) != (y < 0) ? r + y : r)
    case .power:
      return .float(Foundation.pow(x, y))
    }
  }
}

extension Value {
  var isBool: Bool {
    if case .bool = self { return true }
    return false
  }
}
