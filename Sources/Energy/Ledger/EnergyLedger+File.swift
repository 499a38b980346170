#if canImport(Glibc)
import Glibc
#endif

extension EnergyLedger {
  /// What an append wrote: the file's columns, and joule's columns the file has no room for.
  public struct Appended: Equatable {
    public var columns: [String]
    /// joule's own columns left out because the file (e.g. one CodeCarbon started) lacks them.
    public var leftOut: [String]
  }

  public enum Failure: Error, CustomStringConvertible, Equatable {
    case cannotWrite(String, String)
    case otherHeader(String, unknown: [String])

    public var description: String {
      switch self {
      case .cannotWrite(let p, let why): return "cannot write ledger \(p): \(why)"
      case let .otherHeader(p, unknown):
        return "\(p) is not an emissions ledger: its header has columns neither CodeCarbon nor joule writes ("
          + unknown.prefix(5).joined(separator: ", ") + (unknown.count > 5 ? ", ..." : "") + "); choose a new file"
      }
    }
  }

  /// Appends rows to a CSV file as CodeCarbon does with emissions.csv. A new or empty file gets
  /// the header (every column, or CodeCarbon's 38 alone when `jouleColumns` is false). An existing
  /// file keeps its own header, in whatever order: rows follow it, so a file CodeCarbon started
  /// (or one from an older CodeCarbon or joule) takes joule's rows, less the columns it lacks.
  @discardableResult
  public static func append(_ entries: [LedgerEntry], to path: String, jouleColumns: Bool = true) throws -> Appended {
    let existing = (try? FileSystemPowercapReader().contents(of: path)) ?? ""
    let wanted = jouleColumns ? columns : LedgerColumns.codeCarbon
    var text: String
    let used: [String]
    if let header = headerColumns(existing) {
      let unknown = header.filter { !columns.contains($0) && LedgerColumns.former[$0] == nil }
      guard unknown.isEmpty else { throw Failure.otherHeader(path, unknown: unknown) }
      used = header
      text = csv(entries, header: false, columns: header)
      if !existing.hasSuffix("\n") { text = "\n" + text }
    } else {
      used = wanted
      text = csv(entries, header: true, columns: wanted)
    }
    guard let f = fopen(path, existing.isEmpty ? "w" : "a") else {
      throw Failure.cannotWrite(path, String(cString: strerror(errno)))
    }
    defer { fclose(f) }
    if fputs(text, f) < 0 { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
    return Appended(columns: used, leftOut: wanted.filter { !used.contains($0) })
  }

  /// The column names of a CSV text's first line, or nil when the text has none.
  static func headerColumns(_ text: String) -> [String]? {
    var first = text.prefix { $0 != "\n" && $0 != "\r\n" }
    if first.hasPrefix("\u{FEFF}") { first = first.dropFirst() }
    if first.hasSuffix("\r") { first = first.dropLast() }
    guard !String(first).trimmingWhitespace().isEmpty else { return nil }
    return first.split(separator: ",", omittingEmptySubsequences: false).map { name in
      var n = String(name).trimmingWhitespace()
      if n.count >= 2, n.hasPrefix("\""), n.hasSuffix("\"") { n = String(n.dropFirst().dropLast()) }
      return n
    }
  }
}
