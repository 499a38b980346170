/// One function called once per element by a builtin (`map`, `filter`, `sort(by:)`), with the
/// callee's frame reserved once for the whole loop: each call puts the element in the
/// parameter's slot, runs the body and clears the slots again, as Python's `sorted(key=)` and
/// Lua's `table.sort` call their function without building a call per element.
///
///     try ElementCalls.with(f, ctx) { calls in
///       for x in xs { out.append(try calls(x)) }
///     }
///
/// The fast way is for a joule closure of one parameter whose locals no closure captures (no
/// cells), called inside a run by the interpreter itself. Anything else (a builtin, another
/// arity, a host's own `CallContext`) is called as before, one `call` per element. Each call
/// still counts its depth and a tick (Ctrl-C, the step limit), and an error leaving it gets
/// the builtin's call in its traceback, exactly as a call through `Interpreter.call(_:with:)`.
struct ElementCalls {
  /// Set on the fast way: the interpreter, the closure and the frame reserved for it.
  private let interpreter: Unmanaged<Interpreter>?
  private let closure: Unmanaged<Closure>?
  private let slots: UnsafeMutablePointer<Value>?
  private let size: Int
  /// The slow way: the context and the function, called per element.
  private let context: any CallContext
  private let function: Value

  private init(_ context: any CallContext, _ function: Value, interpreter: Unmanaged<Interpreter>?,
               closure: Unmanaged<Closure>?, slots: UnsafeMutablePointer<Value>?, size: Int) {
    self.context = context
    self.function = function
    self.interpreter = interpreter
    self.closure = closure
    self.slots = slots
    self.size = size
  }

  /// Runs `body` with calls of `function`; the frame, when one was reserved, is given back
  /// when `body` returns or throws.
  static func with<T>(_ function: Value, _ context: any CallContext,
                      _ body: (inout ElementCalls) throws -> T) throws -> T {
    if ObjectIdentifier(type(of: context)) == ObjectIdentifier(Interpreter.self) {
      let it = unsafeDowncast(context, to: Interpreter.self)
      // `function` is held by the builtin's arguments for the whole call (invariant 5 in
      // docs/architecture.md), so the closure is reached unretained.
      if it.running, let c = function.unretainedClosure,
         c._withUnsafeGuaranteedRef({ $0.proto.parameterCount == 1 && $0.proto.cellCount == 0 }) {
        let size = c._withUnsafeGuaranteedRef { $0.proto.localCount }
        // No room: the slow way, whose first call reports the full stack at its element.
        if it.stackTop + size <= it.stackEnd {
          let slots = try it.reserve(size, at: nil)  // cannot fail: the room was checked
          defer { it.release(slots, size) }
          var calls = ElementCalls(context, function, interpreter: Unmanaged.passUnretained(it), closure: c, slots: slots, size: size)
          return try body(&calls)
        }
      }
    }
    var calls = ElementCalls(context, function, interpreter: nil, closure: nil, slots: nil, size: 0)
    return try body(&calls)
  }

  /// `function(x)`.
  @inline(__always)
  func callAsFunction(_ x: Value) throws -> Value {
    if let interpreter, let closure {
      // Both unretained: the builtin's context and arguments hold them for the whole loop.
      return try interpreter._withUnsafeGuaranteedRef { it in
        try closure._withUnsafeGuaranteedRef { try it.callElement($0, x, slots.unsafelyUnwrapped, size) }
      }
    }
    return try CoreBuiltins.call(context, function, x)
  }
}

extension Interpreter {
  /// One call of `ElementCalls`' fast way: `closure(x)` on the frame at `slots` (all nil), left
  /// all nil again. The depth count, the tick and the traceback are `enterPlain`'s.
  @inline(never)
  func callElement(_ closure: Closure, _ x: Value, _ slots: UnsafeMutablePointer<Value>, _ size: Int) throws -> Value {
    depth += 1
    defer { depth -= 1 }
    let site = builtinSite
    if depth > maxCallDepth { throw tooDeep(at: site?.takeUnretainedValue()) }
    ticks &-= 1
    if ticks <= 0 { try checkpoint(at: site?.takeUnretainedValue()) }
    slots.initialize(to: x)
    defer {
      // Back to nil for the next element: the body's locals start unset in every call.
      var i = 0
      while i < size {
        if !slots[i].isTrivial { (slots + i).deinitialize(count: 1) }
        (slots + i).initialize(to: .none)
        i &+= 1
      }
    }
    do {
      let v = try run(closure.proto, Frame(slots: slots, cells: nil, upvalues: closure.upvalues))
      if flow == .returning {
        flow = .normal
        let r = returnValue
        returnValue = .none
        return r
      }
      return v
    } catch {
      throw traced(error, closure, site?.takeUnretainedValue())
    }
  }
}
