/// In-loop calls: a call from compiled code to a compiled closure without cells, given its
/// exact arguments, continues in the caller's own dispatch loop (`execute`) instead of
/// recursing through Swift. The caller's state goes in a `CallRecord`; the callee's slots start
/// at the caller's first argument register, so the arguments are already in place; `ret` pops
/// the record and resumes the caller.
///
///     fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
///     fib(25)   // one Swift entry into fib's code; the 242,784 calls below it run in-loop
///
/// Everything a call through Swift does is kept: the depth count and the recursion limit (the
/// same message, at the call), a tick (Ctrl-C, the step limit), the closure's `activeCalls`
/// (`Globals`' retired closures, invariant 3), the sweep of retired closures after it returns,
/// and the traceback, built from the records when an error unwinds them (`unwind`).
extension Interpreter {
  /// Pushes the record of a call of `closure` (its code `callee`) whose arguments are the
  /// `argc` registers at `slots`, and readies the callee's frame there, `stackTop` above both
  /// frames; the caller then switches to the callee's code at its first instruction. Only the
  /// callee's locals above its arguments are set (to nil): its temporaries are always written
  /// before they are read, and every slot there holds a value already, a dead temporary of the
  /// caller's (the store destroys it) or a trivial one above `stackTop` (`release`,
  /// `popCall`). Inlined in `execute`: out of line, its eight arguments and its prologue cost
  /// about 25 instructions per call (fib(25) 5.8 M of 62.4 M, callgrind; an earlier
  /// dispatch loop lost its registers to it, a while step 133 against 123, but the loop as it
  /// is now counts the same either way). Makes no call and throws nothing: when the stack
  /// needs room, the depth is at its limit or the tick runs out, it changes nothing and
  /// returns false, and the caller goes through `pushCallChecked`.
  @inline(__always)
  func pushCall(_ closure: Unmanaged<Closure>, _ callee: Unmanaged<Code>, _ slots: UnsafeMutablePointer<Value>,
                _ argc: Int, caller code: Unmanaged<Code>, _ r: UnsafeMutablePointer<Value>, _ ip: UnsafeMutablePointer<Op>,
                _ dest: Reg) -> Bool {
    let top = slots + callee.frameSize
    let level = depth
    // `stackValid` <= `stackEnd`: one test for both.
    if top > stackValid || level >= maxCallDepth || ticks <= 1 { return false }
    ticks &-= 1
    let old = stackTop
    // `depth` < `maxCallDepth` <= the records' capacity.
    (callRecords + level).initialize(to: CallRecord(
      code: code, slots: r, ip: ip, dest: dest, top: old, closure: closure))
    depth = level &+ 1
    closure._withUnsafeGuaranteedRef { $0.activeCalls &+= 1 }
    var p = slots + argc
    let locals = slots + callee.localCount
    while p < locals {
      put(p, .none)
      p += 1
    }
    if top > old { stackTop = top }
    return true
  }

  /// `pushCall` when it declined: the stack's room ("recursion too deep" past its end), the
  /// depth limit (the same message as a call through Swift), the tick (Ctrl-C, the step
  /// limit), in that order; then the push.
  @inline(never)
  func pushCallChecked(_ closure: Unmanaged<Closure>, _ callee: Unmanaged<Code>, _ slots: UnsafeMutablePointer<Value>,
                       _ argc: Int, caller code: Unmanaged<Code>, _ r: UnsafeMutablePointer<Value>,
                       _ ip: UnsafeMutablePointer<Op>, _ dest: Reg) throws {
    let top = slots + callee.frameSize
    if top > stackValid { try validate(to: top, at: code.node(ip)) }
    if depth >= maxCallDepth { throw tooDeep(at: code.node(ip).takeUnretainedValue()) }
    ticks &-= 1
    if ticks <= 0 { try checkpoint(at: code.node(ip).takeUnretainedValue()) }
    // The tick is taken: `pushCall` takes it again.
    ticks &+= 1
    let pushed = pushCall(closure, callee, slots, argc, caller: code, r, ip, dest)
    precondition(pushed, "pushCallChecked: the checks passed")
  }

  /// Pops the innermost in-loop call, whose frame is `size` slots at `slots`: the depth,
  /// `stackTop` and the closure's `activeCalls` are the caller's again, and its values above
  /// the caller's `stackTop` are destroyed (left nil, as `release` leaves them). Below it, its
  /// slots are the dead temporaries of a frame still running, destroyed when that frame
  /// stores into them or ends. Returns its record, in place (valid until the next push): read
  /// where each field is needed, the caller's code and pc are not loaded before the sweep and
  /// kept on the stack across it.
  @inline(__always)
  func popCall(_ slots: UnsafeMutablePointer<Value>, _ size: Int,
               result: UnsafeMutablePointer<Value>? = nil) -> UnsafeMutablePointer<CallRecord> {
    depth &-= 1
    let at = callRecords + depth
    if let result {
      // The call's value, moved into the caller's destination register (often the callee's
      // first slot, where it may be already). The slot it leaves is a dead temporary, of the
      // callee or of the caller: it is left the int 0, not nil, since any trivial value will
      // do there, and the sweep below, like every later store into it, tests a number's tag in
      // one compare where nil takes three (nil's payload is tested too): 7 instructions per
      // fib call (callgrind).
      let d = at.pointee.slots + Int(at.pointee.dest)
      if d != result {
        if !d.pointee.isTrivial { d.deinitialize(count: 1) }
        d.moveInitialize(from: result, count: 1)
        result.initialize(to: .int(0))
      }
    }
    // The caller's `stackTop` is above `slots`, its argument registers. The callee's is the
    // higher of that and its frame's end (`pushCall`; its own calls have restored it), so the
    // sweep ends there: no load of the frame's size (3 instructions a call).
    let top = at.pointee.top
    var p = top
    let end = stackTop
    assert(end == max(top, slots + size), "popCall: stackTop is not the callee's")
    while p < end {
      if p.pointee.holdsReference { p.pointee = .none }
      p += 1
    }
    stackTop = top
    at.pointee.closure._withUnsafeGuaranteedRef { $0.activeCalls &-= 1 }
    return at
  }

  /// A `return` that the tree ran (`flow`, `returnValue`) ends an in-loop call: as `ret`, with
  /// the returned value (nil for a `break` or `continue` leaving a function, as `invokePlain`
  /// gives). Sets the caller's code, frame and pc (its call instruction).
  @inline(never)
  func returnInLoop(_ code: inout Unmanaged<Code>, _ r: inout UnsafeMutablePointer<Value>, _ ip: inout UnsafeMutablePointer<Op>) {
    var v = Value.none
    if flow == .returning {
      flow = .normal
      v = returnValue
      returnValue = .none
    }
    let record = popCall(r, code.frameSize).pointee
    if globals.hasRetired { globals.sweepRetired() }
    code = record.code
    r = record.slots
    ip = record.ip
    put(r + Int(record.dest), v)
  }

  /// The running call's frame, for the tree and the variables: the entry's, or an in-loop
  /// call's (no cells; its closure's upvalues).
  @inline(never)
  func frame(_ r: UnsafeMutablePointer<Value>, _ floor: Int, _ entry: Frame) -> Frame {
    if depth == floor { return entry }
    return Frame(slots: r, cells: nil, upvalues: callRecords[depth - 1].closure._withUnsafeGuaranteedRef { $0.upvalues })
  }

  /// An error leaving in-loop calls above `floor` (the records of this `execute`): pops each,
  /// as its `ret` would, giving the error the trace line a call through Swift gives it
  /// (`traced`: the function, where it was called).
  @inline(never)
  func unwind(_ error: Error, code: Unmanaged<Code>, slots: UnsafeMutablePointer<Value>, to floor: Int) -> Error {
    var e = error
    var code = code
    var slots = slots
    while depth > floor {
      let record = popCall(slots, code.frameSize).pointee
      code = record.code
      slots = record.slots
      let site = code.node(record.ip).takeUnretainedValue()
      e = site.located(traced(e, record.closure.takeUnretainedValue(), site))
    }
    return e
  }

  /// Initializes the slots from `stackValid` (or `stackTop`, above which every slot below
  /// `stackValid` holds a trivial value already) to past `top`, nil; "recursion too deep"
  /// when `top` is past the stack's end. Ahead by 4,096 slots, so rarely called.
  @inline(never)
  func validate(to top: UnsafeMutablePointer<Value>, at site: Unmanaged<Node>) throws {
    guard top <= stackEnd else { throw stackFull(at: site.takeUnretainedValue()) }
    let end = min(top + 4_096, stackEnd)
    var p = max(stackTop, stackValid)
    while p < end {
      p.initialize(to: .none)
      p += 1
    }
    stackValid = end
  }

  /// Makes room for a record at every depth below `maxCallDepth` (raised by an embedder).
  @inline(never)
  func growCallRecords() {
    let bigger = UnsafeMutablePointer<CallRecord>.allocate(capacity: maxCallDepth)
    bigger.moveInitialize(from: callRecords, count: callRecordCapacity)
    callRecords.deallocate()
    callRecords = bigger
    callRecordCapacity = maxCallDepth
  }
}
