import Foundation
import Script

/// The text form of a value in a report: numbers shortest, strings bare or quoted, host
/// objects as they describe themselves.
///
///     ValueText.show(.float(0.1), quoted: false)       // "0.1"
///     ValueText.show(.string("hi"), quoted: true)      // "\"hi\""
enum ValueText {
  static func show(_ value: Value, quoted: Bool) -> String {
    switch value {
    case .string(let s): return quoted ? value.shortDescription : s
    case .float(let d):
      // Six significant digits: a report compares runs, it does not round-trip them.
      if d.isFinite, d != d.rounded() || abs(d) >= 1e15 {
        let s = String(format: "%.6g", d)
        return s
      }
      return value.shortDescription
    case .host(let h): return h.displayText
    default: return value.shortDescription
    }
  }
}
