import Foundation

/// Numbers as people read them in tables and records: a few significant digits, integers whole,
/// tiny and huge magnitudes in exponent form. Files never go through this; they keep every digit.
///
///     NumberFormat(digits: 4).text(16.731196963541606)   // "16.73"
///     NumberFormat(digits: 4).text(0.000012345)          // "1.234e-05"
///     NumberFormat(digits: 4).column([2.5, 0.9123, 16.73]) // ["2.5000", "0.9123", "16.7300"]
public struct NumberFormat: Sendable, Equatable {
  /// Significant digits; 4 by default, as the readers asked for.
  public var digits: Int

  public init(digits: Int = 4) {
    self.digits = max(1, min(digits, 17))
  }

  /// Below this or at or above `huge`, a number reads better as mantissa and exponent.
  static let tiny = 1e-4
  static let huge = 1e15

  /// One number on its own: trailing zeros dropped, but a float keeps its ".0".
  public func text(_ d: Double) -> String {
    guard d.isFinite else { return d.description }
    if d == 0 { return "0.0" }
    if needsExponent(d) { return exponent(d) }
    var s = String(format: "%.\(decimals(d))f", d)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s += "0" }
    } else if abs(d) < 1e4 {
      s += ".0"
    }
    return s
  }

  /// A column of numbers with one number of decimals, so the points line up: as many as its
  /// smallest entry needs for `digits` significant digits, then common trailing zeros removed.
  /// nil entries (missing cells) stay nil.
  public func column(_ ds: [Double?]) -> [String?] {
    let finite = ds.compactMap { $0 }.filter { $0.isFinite && $0 != 0 }
    let largest = finite.map(abs).max() ?? 0
    // The column reads in exponent form only when its largest number needs it; a lone tiny value
    // among ordinary ones (a share of 9e-6 beside 0.66) shows as the zeros it rounds to.
    if largest >= NumberFormat.huge || (largest > 0 && largest < NumberFormat.tiny) {
      return ds.map { $0.map { $0.isFinite ? ($0 == 0 ? "0.0" : exponent($0)) : $0.description } }
    }
    let shown = finite.filter { abs($0) >= NumberFormat.tiny }
    var places = shown.map(decimals).max() ?? 1
    // Wide columns stay readable: a column of 0.0012 and 16731 does not get 6 decimals on both.
    places = min(places, digits + 2)
    var texts = ds.map { $0.map { $0.isFinite ? String(format: "%.\(places)f", $0) : $0.description } }
    // Drop zeros every entry has at its end, keeping one decimal for floats.
    while places > 1, texts.allSatisfy({ t in t.map { !$0.contains(".") || $0.hasSuffix("0") } ?? true }) {
      texts = texts.map { t in t.map { $0.contains(".") ? String($0.dropLast()) : $0 } }
      places -= 1
    }
    return texts
  }

  func needsExponent(_ d: Double) -> Bool {
    d != 0 && (abs(d) < NumberFormat.tiny || abs(d) >= NumberFormat.huge)
  }

  /// Decimal places that show `digits` significant digits of d (none for large numbers).
  func decimals(_ d: Double) -> Int {
    guard d != 0, d.isFinite else { return 1 }
    let magnitude = Int(log10(abs(d)).rounded(.down))
    return max(0, digits - 1 - magnitude)
  }

  func exponent(_ d: Double) -> String {
    let s = String(format: "%.\(digits - 1)e", d)
    guard let e = s.firstIndex(of: "e"), s[..<e].contains(".") else { return s }
    var mantissa = String(s[..<e])
    while mantissa.hasSuffix("0") { mantissa.removeLast() }
    if mantissa.hasSuffix(".") { mantissa.removeLast() }
    return mantissa + s[e...]
  }
}
