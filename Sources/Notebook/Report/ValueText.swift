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
    // A record the host made (a train run, a measurement, a program's run) shows its summary line.
    case .record(let r) where r.kind != nil: return value.displayString
    default: return value.readable()
    }
  }
}
