import Foundation
import Script

/// The text form of a value in a report, formatted as the REPL shows values: numbers to four
/// significant digits, long lists and records elided, strings bare or quoted, host objects as
/// they describe themselves. (Reports are read; the notebook's files keep full precision.)
///
///     ValueText.show(.float(28.50667866833401), quoted: false)   // "28.51"
///     ValueText.show(.string("hi"), quoted: true)                // "\"hi\""
enum ValueText {
  static func show(_ value: Value, quoted: Bool) -> String {
    switch value {
    case .string(let s): return quoted ? value.shortDescription : s
    case .float(let d): return NumberFormat().text(d)
    case .host(let h): return h.displayText
    default: return value.readable()
    }
  }
}
