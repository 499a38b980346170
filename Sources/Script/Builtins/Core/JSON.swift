/// JSON text to values and back, keeping record key order (Foundation's parser does not).
///
///     try JSON.parse("{\"lr\": 0.01}")   // .record({lr: 0.01})
///     JSON.text(.list([.int(1)]))        // "[1]"
public enum JSON {
  public static func parse(_ text: String) throws -> Value {
    var p = JSONParser(Array(text.utf8))
    p.skipSpace()
    let v = try p.value(depth: 0)
    p.skipSpace()
    guard p.i == p.bytes.count else { throw p.fail("unexpected text after the value") }
    return v
  }

  /// Compact JSON for a value; `indent` > 0 pretty-prints. Non-finite floats become null.
  public static func text(_ v: Value, indent: Int = 0) throws -> String {
    var out = ""
    try write(v, into: &out, indent: indent, level: 0)
    return out
  }

  private static func write(_ v: Value, into out: inout String, indent: Int, level: Int) throws {
    let nl = indent > 0 ? "\n" + String(repeating: " ", count: indent * (level + 1)) : ""
    let close = indent > 0 ? "\n" + String(repeating: " ", count: indent * level) : ""
    switch v {
    case .none: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .float(let d): out += d.isFinite ? Value.format(d) : "null"
    case .string(let s): out += Value.quote(s)
    case .list(let l):
      if l.isEmpty { out += "[]"; return }
      out += "["
      for (n, x) in l.enumerated() {
        out += (n > 0 ? "," : "") + nl
        try write(x, into: &out, indent: indent, level: level + 1)
      }
      out += close + "]"
    case .record(let r):
      if r.count == 0 { out += "{}"; return }
      out += "{"
      for (n, (k, x)) in r.pairs.enumerated() {
        out += (n > 0 ? "," : "") + nl + Value.quote(k) + (indent > 0 ? ": " : ":")
        try write(x, into: &out, indent: indent, level: level + 1)
      }
      out += close + "}"
    case .closure, .builtin, .host:
      throw ScriptError.runtime("cannot write a \(v.typeName) as JSON")
    }
  }
}

private struct JSONParser {
  let bytes: [UInt8]
  var i = 0
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func fail(_ m: String) -> ScriptError { .runtime("invalid JSON at byte \(i + 1): \(m)") }

  mutating func skipSpace() {
    while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
  }

  mutating func literal(_ word: String, _ v: Value) throws -> Value {
    let w = Array(word.utf8)
    guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw fail("unexpected character") }
    i += w.count
    return v
  }

  mutating func value(depth: Int) throws -> Value {
    guard depth < 500 else { throw fail("nested too deeply") }
    guard i < bytes.count else { throw fail("unexpected end") }
    switch bytes[i] {
    case UInt8(ascii: "{"):
      i += 1
      var r = Record()
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .record(r) }
      while true {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
        let k = try string()
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
        i += 1
        skipSpace()
        r[k] = try value(depth: depth + 1)
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
        if bytes[i] == UInt8(ascii: "}") { i += 1; return .record(r) }
        throw fail("expected ',' or '}'")
      }
    case UInt8(ascii: "["):
      i += 1
      var l: [Value] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .list(l) }
      while true {
        skipSpace()
        l.append(try value(depth: depth + 1))
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
        if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(l) }
        throw fail("expected ',' or ']'")
      }
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .none)
    default: return try number()
    }
  }

  mutating func number() throws -> Value {
    let start = i
    while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    if let n = Int(text) { return .int(n) }
    if let d = Double(text), !text.isEmpty { return .float(d) }
    i = start
    throw fail("unexpected character")
  }

  mutating func string() throws -> String {
    i += 1
    var out = [UInt8]()
    while i < bytes.count {
      let c = bytes[i]
      i += 1
      if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      if c != UInt8(ascii: "\\") { out.append(c); continue }
      guard i < bytes.count else { break }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        guard i + 4 <= bytes.count, var code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
          throw fail("bad \\u escape")
        }
        i += 4
        // A surrogate pair spells one character beyond the basic plane.
        if (0xD800..<0xDC00).contains(code), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
           let low = UInt32(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16),
           (0xDC00..<0xE000).contains(low) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
      default: out.append(e)
      }
    }
    throw fail("unterminated string")
  }
}
