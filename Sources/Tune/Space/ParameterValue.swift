/// One hyperparameter's value in a trial: a number, a string or a flag.
///
///     let v = ParameterValue.double(0.001)
///     v.number   // 0.001
///
/// Codable as plain JSON (`0.001`, `64`, `"relu"`, `true`) so the study store stays readable.
public enum ParameterValue: Hashable, Codable, Sendable, CustomStringConvertible {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)

  /// The value as a Double when it is numeric.
  public var number: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  public var description: String {
    switch self {
    case .int(let i): return String(i)
    case .double(let d): return d.description
    case .string(let s): return "\"\(s)\""
    case .bool(let b): return b ? "true" : "false"
    }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int.self) {
      self = .int(i)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else {
      self = .string(try c.decode(String.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .int(let i): try c.encode(i)
    case .double(let d): try c.encode(d)
    case .string(let s): try c.encode(s)
    case .bool(let b): try c.encode(b)
    }
  }
}
