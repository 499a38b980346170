import Script

/// A record kind whose display is one summary line, made from the record's own fields, so an
/// edited record shows its edits. Train runs, measurements and programs' runs use it.
///
///     let kind = SummaryKind(head: "train simple_cnn(2,3)") { r in ["acc 0.786", "2 epochs"] }
///     Value.record(Record(kind: kind, pairs)).displayString   // "<train simple_cnn(2,3): acc 0.786, 2 epochs>"
///
/// The line stays under 100 columns (and the terminal's width): the head gives way first, then
/// the figures from the right, whole.
final class SummaryKind: RecordKind, @unchecked Sendable {
  /// Summaries never reach this column, whatever the terminal.
  static let maxWidth = 99
  let head: String
  let figures: (Record) -> [String]
  let tableHidden: [String]

  init(head: String, hidden: [String] = [], figures: @escaping (Record) -> [String]) {
    self.head = head
    self.tableHidden = hidden
    self.figures = figures
  }

  func summary(_ record: Record, width: Int?) -> String {
    let limit = min(width ?? SummaryKind.maxWidth, SummaryKind.maxWidth)
    var parts = figures(record)
    var name = head
    func line() -> String { "<" + name + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")) + ">" }
    // A long name (a command's arguments) loses words from its end first, then figures go
    // from the right; a single word too long for the line is cut last.
    var words = head.split(separator: " ").map(String.init)
    while line().count > limit, words.count > 1 {
      words.removeLast()
      name = words.joined(separator: " ") + " …"
    }
    while line().count > limit, parts.count > 1 { parts.removeLast() }
    if line().count > limit { name = String(name.prefix(max(1, name.count - (line().count - limit) - 1))) + "…" }
    return line()
  }

  /// A figure as summaries show it: three significant digits, whole numbers as they are.
  static func figure(_ v: Value) -> String? {
    switch v {
    case .int(let i): return String(i)
    case .float(let d): return EnergyFields.short(d)
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return s.count <= 24 && !s.contains("\n") ? s : nil
    default: return nil
    }
  }
}
