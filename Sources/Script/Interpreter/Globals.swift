/// The session's top-level variables: each name gets a fixed index the first time the
/// resolver sees it, so reads and writes are array accesses, and REPL inputs share them.
///
///     let i = globals.slot(for: "x")   // same index in every later input
final class Globals {
  private(set) var names: [String] = []
  private var indices: [String: Int] = [:]
  /// nil: never assigned (the name may still be a builtin).
  @exclusivity(unchecked) var values: [Value?] = []

  func slot(for name: String) -> Int {
    if let i = indices[name] { return i }
    indices[name] = names.count
    names.append(name)
    values.append(nil)
    return names.count - 1
  }

  func index(of name: String) -> Int? { indices[name] }

  /// Names that hold a value, in the order they were first seen.
  var definedNames: [String] {
    names.indices.filter { values[$0] != nil }.map { names[$0] }
  }

  func clear() {
    for i in values.indices { values[i] = nil }
  }
}
