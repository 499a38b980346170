import Foundation

/// A JSON document as Jupyter messages carry it: headers, metadata and content are objects
/// whose shape depends on the message type, so they stay untyped until a handler reads them.
///
///     let content: JSONValue = ["status": "ok", "execution_count": 3]
///     content["status"]?.string          // "ok"
///     try JSONValue(parsing: Data(#"{"a": [1, true]}"#.utf8))["a"]?[0]?.int   // 1
///
/// Keys keep their insertion order when written, so messages read as they were built.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && x.allSatisfy { pair in y.contains { $0.0 == pair.0 && $0.1 == pair.1 } }
    default: return false
    }
  }

  /// The member named `key` of an object (nil for other values or a missing key).
  public subscript(key: String) -> JSONValue? {
    get {
      guard case .object(let pairs) = self else { return nil }
      return pairs.last { $0.0 == key }?.1
    }
    set {
      guard case .object(var pairs) = self else { return }
      pairs.removeAll { $0.0 == key }
      if let newValue { pairs.append((key, newValue)) }
      self = .object(pairs)
    }
  }

  /// The element at `index` of an array (nil when out of range or not an array).
  public subscript(index: Int) -> JSONValue? {
    guard case .array(let items) = self, items.indices.contains(index) else { return nil }
    return items[index]
  }

  public var string: String? { if case .string(let s) = self { return s } else { return nil } }
  public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
  public var int: Int? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
    default: return nil
    }
  }
  public var double: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }
  public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
  public var isNull: Bool { self == .null }

  /// An empty object, `{}`.
  public static var emptyObject: JSONValue { .object([]) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
  public init(nilLiteral: ()) { self = .null }
}
