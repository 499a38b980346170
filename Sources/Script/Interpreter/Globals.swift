/// The session's top-level variables: each name gets a fixed index the first time the
/// resolver sees it, so reads and writes are pointer accesses, and REPL inputs share them.
///
///     let i = globals.slot(for: "x")   // same index in every later input
///
/// Beside each value sits the closure it holds, unretained: a call site naming a global `fn`
/// reaches the function without copying the value (a copy is an atomic retain and release,
/// which cost more than the rest of a call). A closure overwritten while one of those calls is
/// in progress (`Closure.activeCalls` > 0) is kept alive in `retired` until its calls return, so
/// a call never loses its code; one that is not running is released at once.
final class Globals {
  private(set) var names: [String] = []
  private var indices: [String: Int] = [:]
  /// nil: never assigned (the name may still be a builtin). Grows only while parsing, when no
  /// node holds on to it. Write through `set` so `closures` follows.
  @exclusivity(unchecked) private(set) var values: UnsafeMutablePointer<Value?>
  /// The closure each value holds, or nil.
  @exclusivity(unchecked) private(set) var closures: UnsafeMutablePointer<Unmanaged<Closure>?>
  /// Closures overwritten while called through `closures`: released once their calls have
  /// returned (`sweepRetired`), or when the run ends (`releaseRetired`).
  @exclusivity(unchecked) private var retired: [Value] = []
  /// True while `retired` holds anything: the one test a call site pays.
  @exclusivity(unchecked) private(set) var hasRetired = false
  private var capacity = 64

  init() {
    values = .allocate(capacity: capacity)
    values.initialize(repeating: nil, count: capacity)
    closures = .allocate(capacity: capacity)
    closures.initialize(repeating: nil, count: capacity)
  }

  deinit {
    values.deinitialize(count: capacity)
    values.deallocate()
    closures.deallocate()
  }

  func slot(for name: String) -> Int {
    if let i = indices[name] { return i }
    if names.count == capacity {
      let bigger = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: values, count: capacity)
      (bigger + capacity).initialize(repeating: nil, count: capacity)
      values.deallocate()
      values = bigger
      let biggerClosures = UnsafeMutablePointer<Unmanaged<Closure>?>.allocate(capacity: capacity * 2)
      biggerClosures.moveInitialize(from: closures, count: capacity)
      (biggerClosures + capacity).initialize(repeating: nil, count: capacity)
      closures.deallocate()
      closures = biggerClosures
      capacity *= 2
    }
    indices[name] = names.count
    names.append(name)
    return names.count - 1
  }

  /// Assigns global `i`, keeping `closures` in step.
  @inline(__always)
  func set(_ i: Int, _ v: Value?) {
    if let old = closures[i], old._withUnsafeGuaranteedRef({ $0.activeCalls }) > 0 {
      // A call of the old function is running through the unretained table: keep it alive
      // until that call returns.
      retired.append(values[i].unsafelyUnwrapped)
      hasRetired = true
    }
    if case .closure(let c)? = v {
      closures[i] = Unmanaged.passUnretained(c)
    } else {
      closures[i] = nil
    }
    values[i] = v
  }

  /// Drops the closures `set` kept alive; called when no run is in progress.
  func releaseRetired() {
    if !retired.isEmpty { retired = [] }
    hasRetired = false
  }

  /// Releases the retired closures whose calls have all returned (the last reference to one
  /// frees it). Called by a call site after a call through `closures` returns.
  @inline(never)
  func sweepRetired() {
    retired.removeAll { v in
      guard case .closure(let c) = v else { return true }
      return c.activeCalls == 0
    }
    hasRetired = !retired.isEmpty
  }

  func index(of name: String) -> Int? { indices[name] }

  /// Names that hold a value, in the order they were first seen.
  var definedNames: [String] {
    names.indices.filter { values[$0] != nil }.map { names[$0] }
  }

  /// Forgets every value; the closures among them stay in `retired` until `releaseRetired`.
  func clear() {
    for i in names.indices { set(i, nil) }
  }
}
