/// The out-of-line parts of compiled code's instructions: general arithmetic and comparison,
/// calls other than a global `fn` with its exact arguments, records, `for` over `range`.
///
///     put(r + d, try arith(.divide, r[a], r[b]))   // "division by zero" at the node
///
/// Each does what the tree node it replaces does, with the same messages; the dispatch loop
/// gives the errors their position.
extension Interpreter {
  @inline(never)
  func arith(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
    if let v = op.numbersWithoutError(a, b) { return v }
    if case .int(let x) = a, case .int(let y) = b { return try op.ints(x, y) }
    return try op.apply(a, b)
  }

  @inline(never)
  func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value, _ node: Unmanaged<Node>) throws -> Bool {
    if case .int(let x) = a, case .int(let y) = b, op != .isIn { return Interpreter.compareInts(op, x, y) }
    let v = try node._withUnsafeGuaranteedRef { try Comparison.evaluate(op, a, b, at: $0) }
    guard case .bool(let r) = v else { return false }
    return r
  }

  @inline(never)
  func negate(_ v: Value) throws -> Value {
    switch v {
    case .int(let i): return i == .min ? .float(-Double(i)) : .int(-i)
    case .float(let d): return .float(-d)
    default: throw ScriptError.runtime("cannot negate \(v.typeName)")
    }
  }

  /// `local op= value` when either side is not a number: the node edits lists and strings in
  /// place and reports errors as the tree does.
  @inline(never)
  func compoundSlow(_ node: Unmanaged<Node>, _ rhs: Value, _ frame: Frame) throws {
    try node._withUnsafeGuaranteedRef { try unsafeDowncast($0, to: CompoundAssign.self).update(rhs, frame, self) }
  }

  /// A call of a joule function with `count` arguments in registers at `args` (temporaries,
  /// moved into the new call's slots). A compiled callee whose locals no closure captures is
  /// entered here directly (`enterCompiled`), without `invoke`'s layers: measured on fib(20),
  /// that and filling the slots in one pass took a compiled call from about 436 instructions
  /// to ... (callgrind, docs/architecture.md "Speed").
  @inline(__always)
  func callClosure(_ closure: Closure, _ args: UnsafeMutablePointer<Value>, _ count: Int,
                   site: Unmanaged<Node>) throws -> Value {
    unowned(unsafe) let proto = closure.proto
    guard count == proto.parameterCount else {
      return try site._withUnsafeGuaranteedRef { try callClosureBinding(closure, args, count, site: $0) }
    }
    let size = proto.localCount
    // `reserve`, with the arguments moved in as the slots are filled.
    let slots = stackTop
    guard slots + size <= stackEnd else { throw stackFull(at: site.takeUnretainedValue()) }
    for i in 0..<count {
      (slots + i).initialize(to: (args + i).move())
      (args + i).initialize(to: .none)  // the temporary is left nil
    }
    var i = count
    while i < size { (slots + i).initialize(to: .none); i &+= 1 }
    stackTop = slots + size
    defer { release(slots, size) }
    if let callee = proto.codeRef, proto.cellCount == 0 {
      return try callee._withUnsafeGuaranteedRef { try enterCompiled(closure, $0, slots, site: site) }
    }
    return try site._withUnsafeGuaranteedRef { try invoke(closure, slots, callSite: $0) }
  }

  /// `invokePlain` for compiled code: the depth count and the recursion limit, a tick (Ctrl-C,
  /// the step limit), and the call's line in the traceback of an error leaving it.
  @inline(__always)
  func enterCompiled(_ closure: Closure, _ code: Code, _ slots: UnsafeMutablePointer<Value>,
                     site: Unmanaged<Node>) throws -> Value {
    depth += 1
    defer { depth -= 1 }
    if depth > maxCallDepth { throw tooDeep(at: site.takeUnretainedValue()) }
    ticks &-= 1
    if ticks <= 0 { try checkpoint(at: site.takeUnretainedValue()) }
    do {
      let v = try execute(code, Frame(slots: slots, cells: nil, upvalues: closure.upvalues))
      if flow == .returning {
        flow = .normal
        let r = returnValue
        returnValue = .none
        return r
      }
      return v
    } catch {
      throw traced(error, closure, site.takeUnretainedValue())
    }
  }

  /// A call whose arguments must be matched to parameters (defaults, a wrong count).
  @inline(never)
  func callClosureBinding(_ closure: Closure, _ args: UnsafeMutablePointer<Value>, _ count: Int, site: Node) throws -> Value {
    let size = closure.proto.localCount
    let slots = try reserve(size, at: site)
    defer { release(slots, size) }
    let a = Arguments(Array(UnsafeBufferPointer(start: args, count: count)))
    let defaulted: [Int]
    do { defaulted = try closure.bind(a, into: slots) } catch { throw site.located(error) }
    return try invoke(closure, slots, defaulted: defaulted, callSite: site)
  }

  /// `callGlobal` when the global holds no closure: a builtin (remembering a one-number one
  /// for the site), a value in the global, or the `GlobalGet`'s error.
  @inline(never)
  func callGlobalSlow(_ code: Unmanaged<Code>, _ pc: Int, _ g: Int, _ args: UnsafeMutablePointer<Value>, _ count: Int,
                      _ frame: Frame) throws -> Value {
    let site = unsafeDowncast(code.nodes[pc].takeUnretainedValue(), to: Call.self)
    let f = try globals.values[g] ?? site.callee.eval(frame, self)
    if case .builtin(let b) = f, count == 1, let m = b.math, globals.values[g] == nil { code.math(at: code.ops + pc).pointee = m }
    return try callValue(f, args, count, site: site)
  }

  @inline(never)
  func callValueSlow(_ code: Unmanaged<Code>, _ pc: Int, _ f: Value, _ args: UnsafeMutablePointer<Value>, _ count: Int) throws -> Value {
    try callValue(f, args, count, site: unsafeDowncast(code.nodes[pc].takeUnretainedValue(), to: Call.self))
  }

  /// What `Call` does with its callee's value and its evaluated arguments.
  func callValue(_ f: Value, _ args: UnsafeMutablePointer<Value>, _ count: Int, site: Call) throws -> Value {
    let builtin: Builtin
    switch f {
    case .closure(let c): return try callClosure(c, args, count, site: Unmanaged.passUnretained(site))
    case .builtin(let b): builtin = b
    default:
      let what = (site.callee as? VariableGet).map { "'\($0.name)' is \(f.typeName)" } ?? "\(f.typeName) value is"
      throw site.error("\(what), not a function")
    }
    if count == 1, let math = builtin.math {
      // A function of one number: no binding, no callbacks, nothing to interrupt.
      if let r = math.apply(args[0]) { return r }
      do { return try builtin.callPositional(1, self) { _ in args[0] }! } catch { throw site.located(error) }
    }
    let saved = builtinCallSite
    builtinCallSite = site
    defer { builtinCallSite = saved }
    let mark = interruptCount.pointee
    let result: Value
    do {
      if let r = try builtin.callPositional(count, self, { args[$0] }) {
        result = r
      } else {
        result = try builtin.call(Arguments(Array(UnsafeBufferPointer(start: args, count: count))), context: self)
      }
    } catch {
      throw site.located(error)
    }
    // Ctrl-C came while the builtin ran and it returned early: stop here, as `Call` does.
    if interruptCount.pointee != mark || embedderInterrupt() { throw interrupted(in: builtin.name, returning: result, at: site) }
    return result
  }

  /// `d = {...}`: a record from `count` temporaries (moved out), with the literal's shared
  /// shape. When `d` holds a record nothing else holds, with room, it is refilled in place
  /// (`Record.refill`): `p = {x: i, ...}` in a loop then allocates and frees nothing.
  @inline(never)
  func record(_ node: Unmanaged<Node>, into d: UnsafeMutablePointer<Value>, _ values: UnsafeMutablePointer<Value>,
              _ count: Int) {
    node._withUnsafeGuaranteedRef {
      let shape = unsafeDowncast($0, to: RecordLiteral.self).shape
      if case .record = d.pointee {
        // Moved out to test its storage's uniqueness without a copy, put back either way.
        guard case .record(var r) = d.move() else { fatalError("unreachable") }
        if r.refill(shape: shape, moving: values, count) {
          d.initialize(to: .record(r))
          return
        }
        d.initialize(to: .record(r))
      }
      put(d, .record(Record(shape: shape, moving: values, count)))
    }
  }

  /// The values of `count` temporaries, leaving them nil: no reference counting. (Appended
  /// one by one: `Array(unsafeUninitializedCapacity:)` is not specialized, and looked up
  /// generic metadata on every record, 240 instructions each.)
  static func take(_ values: UnsafeMutablePointer<Value>, _ count: Int) -> [Value] {
    var a: [Value] = []
    a.reserveCapacity(count)
    for i in 0..<count {
      a.append((values + i).move())
      (values + i).initialize(to: .none)
    }
    return a
  }

  /// True when the `for` loop's `range(...)` names the builtin (the tree runs it otherwise).
  @inline(never)
  func rangeIsBuiltin(_ node: Unmanaged<Node>, _ frame: Frame) throws -> Bool {
    try node._withUnsafeGuaranteedRef {
      guard let rc = unsafeDowncast($0, to: ForIn.self).rangeCall,
            case .builtin(let f) = try rc.callee.eval(frame, self) else { return false }
      return f === CoreBuiltins.range
    }
  }

  /// Turns `range`'s 1 to 3 bounds at `b` into (i, end, step); false when the loop is empty.
  /// The messages are `ForIn`'s.
  @inline(never)
  func forPrep(_ b: UnsafeMutablePointer<Value>, _ count: Int) throws -> Bool {
    var bounds: [Int] = []
    for i in 0..<count {
      guard case .int(let n) = b[i] else { throw ScriptError.runtime("range: bounds must be integers, got \(b[i].typeName)") }
      bounds.append(n)
    }
    let (start, end, by) = count == 1 ? (0, bounds[0], 1) : (bounds[0], bounds[1], count == 3 ? bounds[2] : 1)
    if by == 0 { throw ScriptError.runtime("range: step must not be zero") }
    b[0] = .int(start)
    b[1] = .int(end)
    b[2] = .int(by)
    return by > 0 ? start < end : start > end
  }
}
