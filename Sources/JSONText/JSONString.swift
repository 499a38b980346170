import Foundation

/// A string as a JSON string literal, escaped the way Python's `json.dumps(ensure_ascii=False)`
/// escapes it: quote, backslash, the five named controls, `\u00XX` for the other controls;
/// everything else as it is.
///
///     JSONString.quoted("a \"b\"\n")            // "\"a \\\"b\\\"\\n\""
///     var out = "{"; JSONString.append("k", to: &out)
///
/// One escaper for every file joule writes as JSON (notebooks, Jupyter messages, safetensors
/// headers), so they agree with each other and with the Python tools that read them.
public enum JSONString {
  /// Appends `s`, quoted and escaped, to `out`.
  public static func append(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// `s` as a quoted, escaped JSON string literal.
  public static func quoted(_ s: String) -> String {
    var out = ""
    append(s, to: &out)
    return out
  }
}
