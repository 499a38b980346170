/// Arguments matched to a builtin's parameters, with typed accessors whose errors name the parameter.
///
///     let epochs = try args.int("epochs")
///     let lr = try args.double("lr")
///
/// Values sit in parameter order (the builtin's `BindingPlan` knows the names), so binding a
/// call builds one small array instead of a dictionary.
public struct BoundArguments {
  public let function: String
  let plan: BindingPlan
  /// One per normal parameter, in declaration order; nil when neither given nor defaulted.
  var slots: ArgumentSlots
  /// The variadic parameter's values, in order.
  public let rest: [Value]
  /// Keywords collected by a `.keywords` parameter.
  public let extraKeywords: Record

  /// The bound values by parameter name (built on demand; the accessors do not need it).
  public var values: [String: Value] {
    var d: [String: Value] = [:]
    for (i, name) in plan.names.enumerated() { if let v = slots[i] { d[name] = v } }
    return d
  }

  public subscript(name: String) -> Value {
    guard let i = plan.index(of: name) else { return .none }
    return slots[i] ?? .none
  }

  /// True when the argument is present and not nil.
  public func has(_ name: String) -> Bool { !self[name].isNil }

  private func fail(_ name: String, _ want: String) -> ScriptError {
    .runtime("\(function): '\(name)' must be \(want), got \(self[name].typeName)")
  }

  public func double(_ name: String) throws -> Double {
    guard let d = self[name].number else { throw fail(name, "a number") }
    return d
  }
  public func int(_ name: String) throws -> Int {
    switch self[name] {
    case .int(let i): return i
    case .float(let d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
    default: throw fail(name, "an integer")
    }
  }
  public func string(_ name: String) throws -> String {
    guard case .string(let s) = self[name] else { throw fail(name, "a string") }
    return s
  }
  public func bool(_ name: String) throws -> Bool {
    guard case .bool(let b) = self[name] else { throw fail(name, "true or false") }
    return b
  }
  public func list(_ name: String) throws -> [Value] {
    guard case .list(let l) = self[name] else { throw fail(name, "a list") }
    return l
  }
  public func record(_ name: String) throws -> Record {
    guard case .record(let r) = self[name] else { throw fail(name, "a record") }
    return r
  }
  public func host<T: HostObject>(_ name: String, as type: T.Type) throws -> T {
    guard case .host(let h) = self[name], let t = h as? T else { throw fail(name, "a \(T.self)") }
    return t
  }
  public func optionalDouble(_ name: String) throws -> Double? { has(name) ? try double(name) : nil }
  public func optionalInt(_ name: String) throws -> Int? { has(name) ? try int(name) : nil }
  public func optionalString(_ name: String) throws -> String? { has(name) ? try string(name) : nil }
}

/// A builtin's bound arguments: the first two inline, so most calls allocate nothing for
/// them, the rest in an array.
struct ArgumentSlots {
  private var a0, a1: Value?
  private var more: [Value?]?

  init(count: Int) {
    if count > 2 { more = [Value?](repeating: nil, count: count - 2) }
  }

  subscript(i: Int) -> Value? {
    @inline(__always) get {
      switch i {
      case 0: return a0
      case 1: return a1
      default: return more![i - 2]
      }
    }
    @inline(__always) set {
      switch i {
      case 0: a0 = newValue
      case 1: a1 = newValue
      default: more![i - 2] = newValue
      }
    }
  }
}
