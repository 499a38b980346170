import Foundation
import Script

/// The text form of a value in a report: floats to six significant digits, strings bare or
/// quoted, records and lists as written, host objects as they describe themselves.
///
///     ValueText.show(.float(28.50667866833401), quoted: false)   // "28.5067"
///     ValueText.show(.string("hi"), quoted: true)                // "\"hi\""
enum ValueText {
  static func show(_ value: Value, quoted: Bool) -> String {
    switch value {
    case .string(let s): return quoted ? value.shortDescription : s
    case .float(let d):
      // Six significant digits: a report compares runs, it does not round-trip them.
      guard d.isFinite, d != d.rounded() || abs(d) >= 1e15 else { return value.shortDescription }
      return String(format: "%.6g", d)
    case .list(let items):
      return "[" + items.map { show($0, quoted: true) }.joined(separator: ", ") + "]"
    case .record(let r):
      return "{" + r.pairs.map { "\($0.0): \(show($0.1, quoted: true))" }.joined(separator: ", ") + "}"
    case .host(let h): return h.displayText
    default: return value.shortDescription
    }
  }
}
