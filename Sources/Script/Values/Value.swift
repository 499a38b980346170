/// A value of the joule language.
///
///     x = 42            # .int(42)
///     r = {lr: 0.01}    # .record
///     f = fn(x) { x }   # .closure
///
/// Lists and records have value semantics (Swift copy-on-write); host values
/// (models, datasets, studies, plots) are shared references owned by the domains. Functions
/// are two cases, so a call site tells a closure from a builtin by the tag alone.
public enum Value {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case list([Value])
  case record(Record)
  /// A function written in joule (`fn`), with the variables it captured.
  case closure(Closure)
  /// A function the host provides (`sqrt`, `train`).
  case builtin(Builtin)
  case host(any HostObject)
}

extension Value {
  /// The name `type(x)` returns: "nil", "bool", "int", "float", "string", "list",
  /// "record", "function", or the host object's own type name ("model", "study", ...).
  public var typeName: String {
    switch self {
    case .none: return "nil"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "string"
    case .list: return "list"
    case .record: return "record"
    case .closure, .builtin: return "function"
    case .host(let h): return h.typeName
    }
  }

  /// The value as a Double when it is a number (ints widen).
  public var number: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    default: return nil
    }
  }

  /// The user function this value holds, unretained (the value keeps it alive): a call
  /// through it pays no reference counting.
  @inline(__always)
  var unretainedClosure: Unmanaged<Closure>? {
    guard case .closure(let c) = self else { return nil }
    return Unmanaged.passUnretained(c)
  }

  /// The function this value holds, closure or builtin, or nil.
  public var function: (any Callable)? {
    switch self {
    case .closure(let c): return c
    case .builtin(let b): return b
    default: return nil
    }
  }

  /// A function value from a closure or a builtin, for host code that holds either.
  public static func function(_ f: any Callable) -> Value {
    if let b = f as? Builtin { return .builtin(b) }
    guard let c = f as? Closure else {
      // A host error, never a user's: a host function enters the language as a `Builtin`.
      preconditionFailure("Value.function: \(type(of: f)) is neither a Closure nor a Builtin; wrap host functions in a Builtin")
    }
    return .closure(c)
  }

  /// True for the cases that hold no reference (nil, bools, numbers): copying or dropping
  /// one needs no reference counting.
  @inline(__always)
  var isTrivial: Bool {
    switch self {
    case .none, .bool, .int, .float: return true
    default: return false
    }
  }

  /// `!isTrivial`, tested on the tag alone: nil shares its tag with no other case, but naming
  /// it (as `isTrivial` does) makes Swift test its payload too, three compares where two do.
  /// For loops over many slots (`popCall`); a new case that holds a reference must be added
  /// here. (Used for every store, this form moved the dispatch loop's registers: the while
  /// program counted 1.7% more.)
  @inline(__always)
  var holdsReference: Bool {
    switch self {
    case .string, .list, .record, .closure, .builtin, .host: return true
    default: return false
    }
  }

  /// True for ints and floats (not bools).
  @inline(__always)
  var isNumber: Bool {
    switch self {
    case .int, .float: return true
    default: return false
    }
  }

  public var isNil: Bool {
    if case .none = self { return true }
    return false
  }

  /// Convenience for host code: a list of records from rows of pairs.
  public static func table(_ rows: [Record]) -> Value { .list(rows.map { .record($0) }) }
}
