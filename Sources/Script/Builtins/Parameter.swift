/// One parameter of a builtin: name, accepted type, default, one-line doc.
///
///     Parameter("epochs", .int, default: .int(1), doc: "passes over the training data")
public struct Parameter {
  public enum Kind: Equatable {
    /// Bound from a position or a keyword.
    case normal
    /// Takes every remaining positional argument as a list: `model(layer, ...)`.
    case variadic
    /// Takes every keyword no other parameter names, as a record: `space(lr: ..., beta1: ...)`.
    case keywords
  }

  public var name: String
  public var type: ValueType
  /// nil: required. `.some(.none)`: optional, defaults to nil.
  public var defaultValue: Value?
  public var kind: Kind
  public var doc: String
  /// Only by keyword: arguments that could be misread by position (PyTorch's `Conv2d(in, out,
  /// kernel)` typed as `conv2d(1, 8, 3)` would otherwise set the stride). They come last.
  public var keywordOnly: Bool

  public init(_ name: String, _ type: ValueType = .any, default defaultValue: Value? = nil,
              kind: Kind = .normal, keywordOnly: Bool = false, doc: String = "") {
    self.name = name
    self.type = type
    self.defaultValue = defaultValue
    self.kind = kind
    self.keywordOnly = keywordOnly
    self.doc = doc
  }
}

/// The types a parameter can demand; checked before the builtin runs.
public indirect enum ValueType: Equatable, CustomStringConvertible {
  case any, number, int, string, bool, list, record, function
  /// A host object whose `typeName` is this.
  case host(String)
  case oneOf([ValueType])
  /// The type, or nil.
  case optional(ValueType)

  public var description: String {
    switch self {
    case .any: return "any"
    case .number: return "number"
    case .int: return "int"
    case .string: return "string"
    case .bool: return "bool"
    case .list: return "list"
    case .record: return "record"
    case .function: return "function"
    case .host(let n): return n
    case .oneOf(let ts): return ts.map(\.description).joined(separator: " or ")
    case .optional(let t): return "\(t) or nil"
    }
  }

  public func accepts(_ v: Value) -> Bool {
    switch (self, v) {
    case (.any, _): return true
    case (.number, .int), (.number, .float): return true
    case (.int, .int): return true
    case (.string, .string), (.bool, .bool), (.list, .list), (.record, .record): return true
    case (.function, .closure), (.function, .builtin): return true
    case (.host(let n), .host(let h)): return h.typeName == n
    case (.oneOf(let ts), _): return ts.contains { $0.accepts(v) }
    case (.optional, .none): return true
    case (.optional(let t), _): return t.accepts(v)
    default: return false
    }
  }
}
