import Foundation

/// The builtins of one number that a call site runs without binding arguments or calling a
/// closure: `sqrt(x)`, `exp(-abs(d))` in a numeric loop cost a switch each.
///
///     UnaryMath.sqrt.apply(.int(9))     // .float(3.0)
///     UnaryMath.sqrt.apply(.int(-1))    // nil: the general path reports the domain error
enum UnaryMath {
  case abs, sqrt, log, exp, sin, cos

  /// The result, or nil when `x` is not a number or is outside the domain (the builtin's
  /// ordinary body then runs and says why).
  @inline(__always)
  func apply(_ x: Value) -> Value? {
    if self == .abs {
      switch x {
      case .int(let i): return i == .min ? .float(-Double(i)) : .int(Swift.abs(i))
      case .float(let d): return .float(Swift.abs(d))
      default: return nil
      }
    }
    let d: Double
    switch x {
    case .int(let i): d = Double(i)
    case .float(let f): d = f
    default: return nil
    }
    switch self {
    case .sqrt: return d >= 0 ? .float(Foundation.sqrt(d)) : nil
    case .log: return d > 0 ? .float(Foundation.log(d)) : nil
    case .exp: return .float(Foundation.exp(d))
    case .sin: return .float(Foundation.sin(d))
    case .cos: return .float(Foundation.cos(d))
    case .abs: return nil
    }
  }
}
