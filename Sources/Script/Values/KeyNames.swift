import Foundation

/// One stored copy of each long key name written in programs, so that a field read and the
/// record literal that made the record hold the very same string: the read's hinted position is
/// then confirmed by comparing bits (`Record.hasKey(bitsOf:at:)`), with no call and no copy of
/// the record. Short names (up to 15 UTF-8 bytes) are stored inline in the `String` and need none.
///
///     KeyNames.canonical("learning_rate_decay") // the same storage every time
///
/// Used while parsing only; the table is shared by every interpreter in the process, hence
/// the lock.
enum KeyNames {
  private nonisolated(unsafe) static var table: Set<String> = []
  private static let lock = NSLock()

  static func canonical(_ name: String) -> String {
    guard name.utf8.count > 15 else { return name }
    lock.lock()
    defer { lock.unlock() }
    if let known = table.firstIndex(of: name) { return table[known] }
    table.insert(name)
    return name
  }
}
