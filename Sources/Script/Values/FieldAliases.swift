import Foundation

/// Old field names that still read for one release: `r.joules` answers `r.energy_j` when the
/// record has no `joules` of its own, and the first use of each old name says so once.
///
///     FieldAliases.register(["joules": "energy_j"], until: "0.4")
///     FieldAliases.resolve("joules") { $0 == "energy_j" ? .float(1.5) : nil }   // .float(1.5), with a hint
///
/// The table holds names only; the host fills it, so the language knows no field's meaning.
/// Hints go to `hintSink` (the REPL's terminal; standard error when unset).
public enum FieldAliases {
  private nonisolated(unsafe) static var table: [String: String] = [:]
  private nonisolated(unsafe) static var release = ""
  private nonisolated(unsafe) static var hinted: Set<String> = []
  private static let lock = NSLock()
  /// Where the one-time hints go; nil writes them to standard error.
  public nonisolated(unsafe) static var hintSink: ((String) -> Void)?

  /// Adds `old: new` pairs; `until` is the release that drops them, for the hint.
  public static func register(_ pairs: [String: String], until: String) {
    lock.lock()
    defer { lock.unlock() }
    table.merge(pairs) { _, new in new }
    release = until
  }

  /// The current name for `old`, or nil when `old` is no alias.
  public static func current(for old: String) -> String? {
    lock.lock()
    defer { lock.unlock() }
    return table[old]
  }

  /// Every alias pair, old name first, sorted by old name.
  public static var all: [(old: String, new: String)] {
    lock.lock()
    defer { lock.unlock() }
    return table.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The value `read` finds under the current name of `old`, saying once per name that the
  /// name changed; nil when `old` is no alias or `read` finds nothing.
  public static func resolve(_ old: String, _ read: (String) -> Value?) -> Value? {
    guard let new = current(for: old), let v = read(new) else { return nil }
    hint(old, new)
    return v
  }

  /// The value `read` finds under an old name of `new`, for readers of rows written with
  /// 0.2's names (a user's saved table); nil when none is there. No hint: the reader asked
  /// by the current name.
  public static func former(_ new: String, _ read: (String) -> Value?) -> Value? {
    lock.lock()
    let olds = table.filter { $0.value == new }.map(\.key).sorted()
    lock.unlock()
    for old in olds { if let v = read(old) { return v } }
    return nil
  }

  /// Forgets which hints were given (tests, a fresh session).
  public static func resetHints() {
    lock.lock()
    hinted = []
    lock.unlock()
  }

  private static func hint(_ old: String, _ new: String) {
    lock.lock()
    let first = hinted.insert(old).inserted
    let until = release
    lock.unlock()
    guard first else { return }
    let text = "note: '\(old)' is now called '\(new)'; the old name still reads until \(until)\n"
    if let hintSink { hintSink(text) } else { FileHandle.standardError.write(Data(text.utf8)) }
  }
}
