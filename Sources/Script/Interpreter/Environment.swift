/// The variables of one function call: slots numbered by the resolver, and the
/// environment of the function that encloses it.
///
///     fn counter() { n = 0; fn() { n = n + 1 } }   # the inner fn reads slot 0, one level up
///
/// Closures keep their defining environment alive, so they capture variables, not copies.
/// Loops and `if` open no environment: only calls do. The slots live in the object's own
/// allocation (a `ManagedBuffer`), so a call costs one allocation.
final class Environment: ManagedBuffer<Environment.Header, Value> {
  struct Header {
    var parent: Environment?
    let count: Int
  }

  static func make(count: Int, parent: Environment?) -> Environment {
    let buffer = Environment.create(minimumCapacity: count) { _ in Header(parent: parent, count: count) }
    let env = unsafeDowncast(buffer, to: Environment.self)
    env.withUnsafeMutablePointerToElements { p in
      for i in 0..<count { (p + i).initialize(to: .none) }
    }
    return env
  }

  /// Empties the slots and forgets the parent, so the environment can serve another call.
  func clear() {
    withUnsafeMutablePointers { h, e in
      for i in 0..<h.pointee.count { e[i] = .none }
      h.pointee.parent = nil
    }
  }

  deinit {
    withUnsafeMutablePointers { h, e in
      for i in 0..<h.pointee.count { (e + i).deinitialize(count: 1) }
    }
  }

  // Header access goes through pointers: `header` is a class property, and each use of it
  // would pay a runtime exclusivity check.
  var parent: Environment? { withUnsafeMutablePointerToHeader { $0.pointee.parent } }
  var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

  /// Sets the parent, returning the old one (free lists link through it).
  @inline(__always)
  func relink(_ parent: Environment?) -> Environment? {
    withUnsafeMutablePointerToHeader { h in
      let old = h.pointee.parent
      h.pointee.parent = parent
      return old
    }
  }

  /// Slot `i`; the resolver guarantees it exists.
  @inline(__always)
  subscript(i: Int) -> Value {
    get { withUnsafeMutablePointerToElements { $0[i] } }
    set { withUnsafeMutablePointerToElements { $0[i] = newValue } }
  }

  /// Moves slot `i`'s value out, leaving nil, so the caller holds the only reference.
  @inline(__always)
  func take(_ i: Int) -> Value {
    withUnsafeMutablePointerToElements { p in
      let v = (p + i).move()
      (p + i).initialize(to: .none)
      return v
    }
  }

  /// The environment `depth` functions out.
  @inline(__always)
  func ancestor(_ depth: Int) -> Environment {
    var e = self
    for _ in 0..<depth { e = e.parent! }
    return e
  }
}
