import Foundation
import JSONText

/// Reading and writing JSON text.
///
///     let v = try JSONValue(parsing: Data("[1, 2.5, \"x\"]".utf8))
///     v.text   // "[1,2.5,\"x\"]"
extension JSONValue {
  /// Parses UTF-8 JSON; throws `DecodingError` with the reason when it is not JSON.
  public init(parsing data: Data) throws {
    self = try JSONDecoder().decode(JSONValue.self, from: data)
  }

  /// Compact JSON text (RFC 8259), keys in insertion order.
  public var text: String {
    var out = ""
    write(into: &out)
    return out
  }

  /// The text as UTF-8 bytes, as a message frame carries it.
  public var data: Data { Data(text.utf8) }

  private func write(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
      // JSON has no NaN or infinity; Jupyter's own (Python) encoder would refuse them too.
      if d.isFinite { out += d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)" } else { out += "null" }
    case .string(let s): JSONString.append(s, to: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        item.write(into: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (i, (key, value)) in pairs.enumerated() {
        if i > 0 { out += "," }
        JSONString.append(key, to: &out)
        out += ":"
        value.write(into: &out)
      }
      out += "}"
    }
  }
}

extension JSONValue: Decodable {
  public init(from decoder: Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
      self = .array(items)
      return
    }
    if let object = try? decoder.container(keyedBy: AnyKey.self) {
      // Decoders do not promise the text's order; sorting makes it at least stable.
      self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
        ($0.stringValue, try object.decode(JSONValue.self, forKey: $0))
      })
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let b = try? single.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? single.decode(Int.self) {
      self = .int(i)
    } else if let d = try? single.decode(Double.self) {
      self = .double(d)
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
