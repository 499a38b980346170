import Foundation
import JSONText

/// JSON text laid out as nbformat writes notebooks (`json.dumps(nb, sort_keys=True,
/// indent=1, ensure_ascii=False)`), so a notebook Jupyter saves again differs from the
/// exported one only where it changed.
///
///     NbformatJSON.text(["b": 1, "a": ["x"]])
///     // {\n "a": [\n  "x"\n ],\n "b": 1\n}\n
enum NbformatJSON {
  /// Strings, integers, `NSNull`, arrays and string-keyed dictionaries of them.
  static func text(_ value: Any) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    return out + "\n"
  }

  private static func write(_ value: Any, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent + 1)
    let close = String(repeating: " ", count: indent)
    switch value {
    case let s as String:
      JSONString.append(s, to: &out)
    case let i as Int:
      out += String(i)
    case let items as [Any]:
      guard !items.isEmpty else { out += "[]"; return }
      out += "[\n"
      for (n, item) in items.enumerated() {
        out += pad
        write(item, indent: indent + 1, into: &out)
        out += n < items.count - 1 ? ",\n" : "\n"
      }
      out += close + "]"
    case let object as [String: Any]:
      guard !object.isEmpty else { out += "{}"; return }
      out += "{\n"
      let keys = object.keys.sorted()
      for (n, key) in keys.enumerated() {
        out += pad
        JSONString.append(key, to: &out)
        out += ": "
        write(object[key] as Any, indent: indent + 1, into: &out)
        out += n < keys.count - 1 ? ",\n" : "\n"
      }
      out += close + "}"
    default:
      out += "null"
    }
  }
}
