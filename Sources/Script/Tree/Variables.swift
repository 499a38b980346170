/// Where a resolved name lives: a slot of the current call's frame, one of its cells (a local
/// that closures capture), an upvalue of the running closure, or a global.
enum VariableRef {
  case local(Int)
  case cell(Int)
  case upvalue(Int)
  case global(Int)

  @inline(__always)
  func store(_ v: Value, _ frame: Frame, _ it: Interpreter) {
    switch self {
    case .local(let s): frame.slots[s] = v
    case .cell(let c): frame.cell(c).value = v
    case .upvalue(let u): frame.upvalue(u).value = v
    case .global(let g): it.globals.set(g, v)
    }
  }

  /// Moves the value out (leaving nil behind) so that in-place edits of lists and records
  /// find their storage uniquely referenced and do not copy it.
  func take(_ frame: Frame, _ it: Interpreter) -> Value? {
    switch self {
    case .local(let s):
      let v = (frame.slots + s).move()
      (frame.slots + s).initialize(to: .none)
      return v
    case .cell(let c):
      let cell = frame.cell(c)
      defer { cell.value = .none }
      return cell.value
    case .upvalue(let u):
      let cell = frame.upvalue(u)
      defer { cell.value = .none }
      return cell.value
    case .global(let g):
      let v = it.globals.values[g]
      it.globals.set(g, nil)
      return v
    }
  }

  var isLocal: Bool {
    switch self {
    case .local, .cell: return true
    default: return false
    }
  }
}

/// A variable read; `name` is kept for assignment and messages.
class VariableGet: Node {
  let name: String
  init(_ at: Location, _ name: String) {
    self.name = name
    super.init(at)
  }
  var ref: VariableRef { fatalError("abstract") }
}

final class LocalGet: VariableGet {
  let slot: Int
  init(_ at: Location, _ name: String, slot: Int) {
    self.slot = slot
    super.init(at, name)
  }
  override var ref: VariableRef { .local(slot) }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    // Numbers rebuilt from the slot in place: no outlined copy of the value.
    switch frame.slots[slot] {
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    default: return frame.slots[slot]
    }
  }
}

/// A local of this call that closures capture: it lives in a cell.
final class CellGet: VariableGet {
  let index: Int
  init(_ at: Location, _ name: String, index: Int) {
    self.index = index
    super.init(at, name)
  }
  override var ref: VariableRef { .cell(index) }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value { frame.cell(index).value }
}

/// A variable of an enclosing call, reached through the running closure's upvalues.
final class UpvalueGet: VariableGet {
  let index: Int
  init(_ at: Location, _ name: String, index: Int) {
    self.index = index
    super.init(at, name)
  }
  override var ref: VariableRef { .upvalue(index) }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value { frame.upvalue(index).value }
}

/// A global read; falls back to the builtin of that name, then to "did you mean".
final class GlobalGet: VariableGet {
  let index: Int
  /// The function scope where the name was written: its locals feed suggestions.
  let scope: Resolver.Scope?
  /// The builtin this name found last time, as a value ready to return.
  @exclusivity(unchecked) private var builtin: Value?

  init(_ at: Location, _ name: String, index: Int, scope: Resolver.Scope?) {
    self.index = index
    self.scope = scope
    super.init(at, name)
  }
  override var ref: VariableRef { .global(index) }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    if let v = it.globals.values[index] { return v }
    if let b = builtin { return b }
    if let b = it.registry[name] {
      builtin = .builtin(b)
      return .builtin(b)
    }
    let known = Resolver.names(visibleFrom: scope) + it.globals.definedNames + it.registry.names
    let hint = Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
    throw error("undefined variable '\(name)'\(hint)")
  }
}

/// `name = value`.
final class Assign: Node {
  override var children: [Node] { [value] }
  let target: VariableRef
  let value: Node
  /// The slot when the target is a local of the call (not a cell), else -1.
  private let localSlot: Int
  init(_ at: Location, _ target: VariableRef, _ value: Node) {
    self.target = target
    self.value = value
    if case .local(let s) = target { localSlot = s } else { localSlot = -1 }
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    try exec(frame, it)
    return .none
  }
  override func exec(_ frame: Frame, _ it: Interpreter) throws {
    guard localSlot >= 0 else { return try execGeneral(frame, it) }
    let v = try value.eval(frame, it)
    // Over a number, bool or nil: nothing to destroy, so no outlined destroy call.
    let slot = frame.slots + localSlot
    if slot.pointee.isTrivial { slot.initialize(to: v) } else { slot.pointee = v }
  }

  /// A global, cell or upvalue target, out of line (a short prologue for the local case).
  @inline(never)
  private func execGeneral(_ frame: Frame, _ it: Interpreter) throws {
    let v = try value.eval(frame, it)
    switch target {
    case .global(let g): it.globals.set(g, v)
    default: target.store(v, frame, it)
    }
  }
}

/// `name op= value`, editing lists and strings in place when it can.
final class CompoundAssign: Node {
  override var children: [Node] { [value] }
  let target: VariableRef
  let name: String
  let op: BinaryOperator
  let value: Node
  init(_ at: Location, _ target: VariableRef, name: String, _ op: BinaryOperator, _ value: Node) {
    self.target = target
    self.name = name
    self.op = op
    self.value = value
    if case .local(let s) = target { localSlot = s } else { localSlot = -1 }
    super.init(at)
  }
  /// The slot when the target is a local of the call (not a cell), else -1.
  private let localSlot: Int
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    try exec(frame, it)
    return .none
  }
  override func exec(_ frame: Frame, _ it: Interpreter) throws {
    let rhs = try value.eval(frame, it)
    if localSlot >= 0, frame.slots[localSlot].isNumber, rhs.isNumber {
      // `total += x` on numbers: computed in place (nothing to take out, nothing to destroy);
      // an error leaves the variable as it was, as below.
      let slot = frame.slots + localSlot
      if let r = op.numbersWithoutError(slot.pointee, rhs) { slot.initialize(to: r); return }
      do { slot.initialize(to: try op.apply(slot.pointee, rhs)) } catch { throw located(error) }
      return
    }
    try update(rhs, frame, it)
  }

  @inline(never)
  func update(_ rhs: Value, _ frame: Frame, _ it: Interpreter) throws {
    guard var current = target.take(frame, it) else {
      throw error("undefined variable '\(name)'")
    }
    if target.isLocal, current.isNil, let g = it.globals.index(of: name), it.globals.values[g] != nil {
      target.store(current, frame, it)
      throw error("'\(name)' is a global, and a function cannot rebind globals; return the new value instead")
    }
    if op == .add {
      // Drop `current`'s reference before editing so the storage is unique and grows in place.
      if case .list(var a) = current, case .list(let b) = rhs {
        current = .none
        a.append(contentsOf: b)
        target.store(.list(a), frame, it)
        return
      }
      if case .string(var a) = current, case .string(let b) = rhs {
        current = .none
        a += b
        target.store(.string(a), frame, it)
        return
      }
    }
    do {
      target.store(try op.apply(current, rhs), frame, it)
    } catch {
      target.store(current, frame, it)
      throw located(error)
    }
  }
}
