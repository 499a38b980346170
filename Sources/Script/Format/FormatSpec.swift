import Foundation

/// A format specification, the part after `:` in an interpolation, read as Python's format
/// mini-language: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
///
///     "{0.91234:.3f}"     # 0.912
///     "{42:>6}"           # "    42"
///     "{0.256:.1%}"       # 25.6%
///     "{1234567.8:,.0f}"  # 1,234,568
///     "{name:<10}|"       # "cnn       |"
///
/// It is parsed once, with the program, so a bad specification is a syntax error; one with
/// nested fields (`{x:.{digits}f}`) is read each time it runs (see `FormattedValue`).
struct FormatSpec {
  var fill: Character = " "
  /// `<` left, `>` right, `^` centre, `=` pad between sign and digits.
  var align: Character?
  /// `-` only negatives get a sign, `+` every number, ` ` a space for positives.
  var sign: Character = "-"
  /// `#`: `0x`/`0o`/`0b` prefixes.
  var alternate = false
  var width = 0
  /// `,` or `_` between thousands.
  var grouping: Character?
  var precision: Int?
  /// One of `b c d e E f F g G n o s x X %`, or nil (general).
  var type: Character?
  /// The specification as written, for messages.
  let text: String

  static let types: Set<Character> = ["b", "d", "e", "E", "f", "F", "g", "G", "n", "o", "s", "x", "X", "%"]

  /// Parses `text`; throws a message naming what is wrong. `written` is the specification
  /// as the program wrote it, when nested fields made `text` (`.{digits}f` for `.-1f`).
  init(_ text: String, written: String? = nil) throws {
    self.text = text
    func error(_ text: String, _ why: String) -> ScriptError { FormatSpec.error(text, why, written: written) }
    let c = Array(text)
    var i = 0
    func isAlign(_ k: Int) -> Bool { k < c.count && "<>^=".contains(c[k]) }
    var fillGiven = false
    if isAlign(1) {
      fill = c[0]
      align = c[1]
      fillGiven = true
      i = 2
    } else if isAlign(0) {
      align = c[0]
      i = 1
    }
    if i < c.count, "+- ".contains(c[i]) { sign = c[i]; i += 1 }
    if i < c.count, c[i] == "#" { alternate = true; i += 1 }
    if i < c.count, c[i] == "0" {
      // Python's sign-aware zero padding: `{x:08.3f}` is `-001.500`.
      if !fillGiven { fill = "0" }
      if align == nil { align = "=" }
      i += 1
    }
    var digits = ""
    while i < c.count, c[i].isASCII, c[i].isNumber { digits.append(c[i]); i += 1 }
    if !digits.isEmpty {
      guard let w = Int(digits), w <= 10_000 else { throw error(text, "width too large") }
      width = w
    }
    if i < c.count, c[i] == "," || c[i] == "_" { grouping = c[i]; i += 1 }
    if i < c.count, c[i] == "." {
      i += 1
      var p = ""
      while i < c.count, c[i].isASCII, c[i].isNumber { p.append(c[i]); i += 1 }
      guard let n = Int(p), n <= 1000 else {
        throw error(text, p.isEmpty ? "a precision must follow '.'" : "precision too large")
      }
      precision = n
    }
    if i < c.count {
      guard FormatSpec.types.contains(c[i]) else {
        throw error(text, "unknown format type '\(c[i])' (known: d f e g % s x o b, as in Python)")
      }
      type = c[i]
      i += 1
    }
    if i < c.count { throw error(text, "unexpected '\(c[i])'") }
  }

  static func error(_ text: String, _ why: String, written: String? = nil) -> ScriptError {
    .runtime("bad format ':\(text)'" + (written.map { " (from ':\($0)')" } ?? "") + ": \(why)")
  }

  /// `value` formatted by this specification.
  func apply(_ value: Value) throws -> String {
    switch value {
    case .int(let n):
      switch type {
      case nil where precision == nil, "d", "n":
        return pad(sign: n < 0, body: group(String(n.magnitude)), numeric: true)
      case "x", "X", "o", "b":
        let radix = type == "b" ? 2 : type == "o" ? 8 : 16
        var digits = String(n.magnitude, radix: radix, uppercase: type == "X")
        digits = group(digits, every: 4)
        let prefix = alternate ? "0" + String(type!) : ""
        return pad(sign: n < 0, prefix: prefix, body: digits, numeric: true)
      case "s":
        throw mismatch(value)
      default:
        return try real(Double(n))
      }
    case .float(let d):
      return try real(d)
    default:
      guard type == nil || type == "s", sign == "-", align != "=" else { throw mismatch(value) }
      var s = value.printString
      if let precision, s.count > precision { s = String(s.prefix(precision)) }
      return pad(sign: false, body: s, numeric: false)
    }
  }

  private func mismatch(_ value: Value) -> ScriptError {
    let hint = value.typeName == "float" ? "; round first, or use '.0f'" : ""
    return .runtime("cannot format \(value.typeName) with ':\(text)'\(hint)")
  }

  /// Floats (and ints under a float type): fixed, exponent, general and percent forms.
  private func real(_ d: Double) throws -> String {
    let negative = d.sign == .minus && !d.isNaN
    let x = Swift.abs(d)
    var body: String
    switch type {
    case "f", "F":
      body = c("%.*f", precision ?? 6, x)
    case "e", "E":
      body = c("%.*e", precision ?? 6, x)
    case "g", "G", "n":
      body = c("%.*g", max(1, precision ?? 6), x)
    case "%":
      body = c("%.*f", precision ?? 6, x * 100) + "%"
    case nil:
      body = precision.map { general(x, $0) } ?? Value.format(x)
    default:
      throw mismatch(.float(d))
    }
    if type == "F" || type == "E" || type == "G" { body = body.uppercased() }
    if !x.isFinite {
      body = x.isNaN ? "nan" : "inf"
      if type == "F" || type == "E" || type == "G" { body = body.uppercased() }
      if type == "%" { body += "%" }
    }
    return pad(sign: negative, body: group(body), numeric: true)
  }

  /// Python's format without a type but with a precision: like `g`, but a fixed-point result
  /// keeps one digit after the point, and it switches to an exponent one place sooner.
  private func general(_ x: Double, _ p: Int) -> String {
    let p = max(1, p)
    guard x.isFinite, x != 0 else { return x == 0 ? "0.0" : Value.format(x) }
    let e = c("%.*e", p - 1, x)
    let exponent = Int(e[e.index(after: e.firstIndex(of: "e")!)...]) ?? 0
    if exponent >= -4 && exponent < p - 1 {
      var s = c("%.*f", p - 1 - exponent, x)
      if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s += "0" }
      } else {
        s += ".0"
      }
      return s
    }
    // Scientific: the mantissa loses its trailing zeros (`1e+02`, `1.5e+07`), as Python's does.
    let mantissaEnd = e.firstIndex(of: "e")!
    var mantissa = String(e[..<mantissaEnd])
    if mantissa.contains(".") {
      while mantissa.hasSuffix("0") { mantissa.removeLast() }
      if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    return mantissa + e[mantissaEnd...]
  }

  private func c(_ format: String, _ precision: Int, _ x: Double) -> String {
    String(format: format, precision, x)
  }

  /// Puts the grouping separator into the integer digits of `body` (before any `.` or `e`).
  private func group(_ body: String, every size: Int = 3) -> String {
    guard let grouping else { return body }
    let hex = type == "x" || type == "X"
    let end = body.firstIndex { hex ? !$0.isHexDigit : !($0.isASCII && $0.isNumber) } ?? body.endIndex
    let digits = Array(body[..<end])
    guard digits.count > size else { return body }
    var out = ""
    for (k, ch) in digits.enumerated() {
      if k > 0 && (digits.count - k) % size == 0 { out.append(grouping) }
      out.append(ch)
    }
    return out + body[end...]
  }

  /// Adds the sign and pads to `width` by the alignment (numbers right, text left by default).
  private func pad(sign negative: Bool, prefix: String = "", body: String, numeric: Bool) -> String {
    let signText = negative ? "-" : (numeric && sign == "+") ? "+" : (numeric && sign == " ") ? " " : ""
    let content = signText + prefix + body
    let missing = width - content.count
    guard missing > 0 else { return content }
    let filler = { (n: Int) in String(repeating: String(fill), count: n) }
    switch align ?? (numeric ? ">" : "<") {
    case "<": return content + filler(missing)
    case "^": return filler(missing / 2) + content + filler(missing - missing / 2)
    case "=": return signText + prefix + filler(missing) + body
    default: return filler(missing) + content
    }
  }
}
