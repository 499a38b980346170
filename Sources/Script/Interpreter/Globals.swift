/// The session's top-level variables: each name gets a fixed index the first time the
/// resolver sees it, so reads and writes are pointer accesses, and REPL inputs share them.
///
///     let i = globals.slot(for: "x")   // same index in every later input
final class Globals {
  private(set) var names: [String] = []
  private var indices: [String: Int] = [:]
  /// nil: never assigned (the name may still be a builtin). Grows only while parsing, when no
  /// node holds on to it.
  @exclusivity(unchecked) private(set) var values: UnsafeMutablePointer<Value?>
  private var capacity = 64

  init() {
    values = .allocate(capacity: capacity)
    values.initialize(repeating: nil, count: capacity)
  }

  deinit {
    values.deinitialize(count: capacity)
    values.deallocate()
  }

  func slot(for name: String) -> Int {
    if let i = indices[name] { return i }
    if names.count == capacity {
      let bigger = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: values, count: capacity)
      (bigger + capacity).initialize(repeating: nil, count: capacity)
      values.deallocate()
      values = bigger
      capacity *= 2
    }
    indices[name] = names.count
    names.append(name)
    return names.count - 1
  }

  func index(of name: String) -> Int? { indices[name] }

  /// Names that hold a value, in the order they were first seen.
  var definedNames: [String] {
    names.indices.filter { values[$0] != nil }.map { names[$0] }
  }

  func clear() {
    for i in names.indices { values[i] = nil }
  }
}
