/// A joule call in progress inside `Interpreter.execute`'s dispatch loop (an in-loop call):
/// where its caller resumes when it returns, and what the traceback says when an error
/// unwinds it. Records sit in `Interpreter.callRecords`, each at the depth of its caller.
///
///     fib(n - 1)   // callGlobal in fib's code: a record (fib's code, frame, pc, ...) is pushed,
///                  // fib's code runs from pc 0 on slots starting at the argument; `ret` pops it
///
/// Everything is unretained: the caller's code is held by its proto, which the caller's
/// closure holds, which its own caller holds in a register or through `Globals` (invariant 3);
/// the callee's closure likewise (its `activeCalls` counts the call).
struct CallRecord {
  /// The caller's code and registers (an in-loop caller's frame has no cells, and its upvalues
  /// are its own record's closure's).
  let code: Unmanaged<Code>
  let slots: UnsafeMutablePointer<Value>
  /// The caller's call instruction, and the register its result goes to.
  let ip: UnsafeMutablePointer<Op>
  let dest: Reg
  /// The caller's `stackTop`, restored when the call returns.
  let top: UnsafeMutablePointer<Value>
  /// The closure called.
  let closure: Unmanaged<Closure>
}
