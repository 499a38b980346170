/// The variables of the running call, as the tree nodes reach them: slots on the interpreter's
/// stack, the call's own cells (its captured locals) and its closure's upvalues.
///
///     fn counter() { n = 0; fn() { n = n + 1 } }   # counter: n in cell 0; the inner fn: upvalue 0
///
/// A frame is three pointers passed by value down the tree; nothing is allocated for it. The
/// resolver guarantees every index a node uses exists.
struct Frame {
  let slots: UnsafeMutablePointer<Value>
  /// nil when the call has no cells, or the closure no upvalues.
  let cells: UnsafeMutablePointer<Cell>?
  let upvalues: UnsafeMutablePointer<Cell>?

  /// For code outside any function (slots and cells are never used there).
  static func topLevel(_ stackTop: UnsafeMutablePointer<Value>) -> Frame {
    Frame(slots: stackTop, cells: nil, upvalues: nil)
  }

  @inline(__always) func cell(_ i: Int) -> Cell { cells.unsafelyUnwrapped[i] }
  @inline(__always) func upvalue(_ i: Int) -> Cell { upvalues.unsafelyUnwrapped[i] }
}

/// A variable that a closure may capture: it lives on the heap, shared by the call that made
/// it and every closure that names it, for as long as any of them does.
final class Cell {
  @exclusivity(unchecked) var value: Value
  init(_ value: Value) { self.value = value }
}
