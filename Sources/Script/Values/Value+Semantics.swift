import Foundation

/// Truth, equality and ordering, with Python's conventions.
///
///     if xs { ... }        # an empty list is false
///     1 == 1.0             # true: numbers compare by value
extension Value {
  /// Python's truthiness: nil, false, 0, 0.0, "", [] and {} are false; everything else is true.
  public var isTruthy: Bool {
    switch self {
    case .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .string(let s): return !s.isEmpty
    case .list(let l): return !l.isEmpty
    case .record(let r): return r.count > 0
    case .closure, .builtin, .host: return true
    }
  }

  /// Deep equality; ints and floats compare by value, functions and host objects by identity.
  public func isEqual(to other: Value) -> Bool {
    switch (self, other) {
    case (.none, .none): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.int(let a), .float(let b)): return Double(a) == b
    case (.float(let a), .int(let b)): return a == Double(b)
    case (.string(let a), .string(let b)): return a == b
    case (.list(let a), .list(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
    case (.record(let a), .record(let b)):
      return a.keys == b.keys && zip(a.values, b.values).allSatisfy { $0.isEqual(to: $1) }
    case (.closure(let a), .closure(let b)): return a === b
    case (.builtin(let a), .builtin(let b)): return a === b
    case (.host(let a), .host(let b)): return a === b
    default: return false
    }
  }

  /// Ordering for `<` and `sort`: numbers with numbers, strings with strings, lists element-wise.
  public func compare(to other: Value) throws -> Int {
    switch (self, other) {
    case (.int(let a), .int(let b)): return a < b ? -1 : a > b ? 1 : 0
    case (.string(let a), .string(let b)): return a < b ? -1 : a > b ? 1 : 0
    case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) {
        let c = try x.compare(to: y)
        if c != 0 { return c }
      }
      return a.count < b.count ? -1 : a.count > b.count ? 1 : 0
    default:
      if let a = number, let b = other.number {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : (a.isNaN ? 1 : -1) }
        return a < b ? -1 : a > b ? 1 : 0
      }
      throw ScriptError.runtime("cannot compare \(typeName) with \(other.typeName)")
    }
  }
}
