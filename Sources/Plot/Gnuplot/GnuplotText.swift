import Foundation

/// Turns text from users and data into gnuplot literals that cannot run anything.
///
///     GnuplotText.quote("it's `rm -rf`")   // "'it’s `rm -rf`'"
///
/// gnuplot expands backquotes (shell commands) and `@macros` in double-quoted strings and on
/// bare command lines, but not inside single quotes. Every label, title, key entry and
/// category name therefore goes out single-quoted, with line breaks and other control
/// characters flattened to spaces (a newline would end the command and start a new one).
/// A straight apostrophe becomes the typographic one (’): gnuplot 5.4's doubled-quote escape
/// breaks when two doubled quotes meet or one opens the string, and a quote that closes the
/// string early is the one way out of it. Terminals are set `noenhanced`, so `^ _ { } @ &`
/// print as themselves.
public enum GnuplotText {
  public static func quote(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "'": out += "\u{2019}"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
      // Unicode line and paragraph separators: gnuplot does not treat them as line ends,
      // but they would break the .gp file for editors and diff tools.
      case "\u{2028}", "\u{2029}", "\u{85}": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "'"
  }

  /// A number for a data block: integers as integers, others to 10 significant digits
  /// (far below what a figure can show, and short enough for small diffs between runs).
  public static func number(_ value: Double) -> String {
    precondition(value.isFinite, "only finite numbers reach gnuplot")
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.10g", value)
  }
}
