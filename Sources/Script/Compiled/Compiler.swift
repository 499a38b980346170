import Foundation

/// Compiles a function's resolved body into register instructions (`Code`), once, at parse
/// time (issue 27; the choice and its figures are in docs/architecture.md, "Speed").
///
///     if let code = Compiler.compile(proto) { proto.code = code }
///
/// Registers are the call's slots: the resolver's locals keep their slots, and temporaries
/// are allocated above them like a stack (`top`), so an expression's temporaries are free
/// again once it is done. Constructs the compiler does not translate are handed back to the
/// tree whole (`evalNode`, `execNode`): they read and write the same slots, so the two forms
/// mix freely. Only a `break` or `continue` that would leave such a construct for a loop the
/// compiler made cannot be handed back; a body with one stays with the tree-walker.
struct Compiler {
  /// `JOULE_TREE=1` runs every function on the tree-walker: for comparing the two forms.
  static let enabled = ProcessInfo.processInfo.environment["JOULE_TREE"] == nil

  struct Unsupported: Error {}

  var ops: [Op] = []
  var nodes: [Node] = []
  var constants: [Value] = []
  var hintCount = 0
  /// The next free temporary, and the most used at once.
  var top: Int
  var maxTop: Int
  /// For each loop being compiled: the jumps its `break`s and `continue`s make, to patch.
  var loops: [(breaks: [Int], continues: [Int])] = []
  /// Nesting of the node being compiled: a body nested deeper than `maxDepth` (a generated
  /// 200,000-term sum) stays with the tree rather than recurse that deep at parse time.
  var depth = 0
  static let maxDepth = 2_000

  /// The first temporary: below it are the resolver's variables, never reused.
  let localBase: Int

  init(localCount: Int) {
    localBase = localCount
    top = localCount
    maxTop = localCount
  }

  /// The body's code, or nil when it cannot be compiled (it then stays with the
  /// tree-walker). Every body is compiled; `entersCompiled` decides which form a call from
  /// Swift runs, and in-loop calls from compiled code always run this one.
  static func compile(_ proto: FunctionProto) -> Code? {
    guard enabled, let body = proto.body else { return nil }
    var c = Compiler(localCount: proto.localCount)
    do {
      try c.returning(body)
    } catch {
      return nil
    }
    return Code(ops: c.ops, nodes: c.nodes, constants: c.constants, hintCount: c.hintCount,
                frameSize: c.maxTop, localCount: proto.localCount)
  }

  // MARK: - Emitting

  @discardableResult
  mutating func emit(_ op: Op, _ node: Node) -> Int {
    ops.append(op)
    nodes.append(node)
    return ops.count - 1
  }

  var here: Int32 { Int32(ops.count) }

  mutating func temp() -> Reg {
    let r = top
    top += 1
    maxTop = max(maxTop, top)
    return Reg(r)
  }

  mutating func constant(_ v: Value) -> Int32 {
    constants.append(v)
    return Int32(constants.count - 1)
  }

  /// Points the jump at `at` to `target`.
  mutating func patch(_ at: Int, to target: Int32) {
    switch ops[at] {
    case .jump: ops[at] = .jump(target)
    case .jumpIfFalse(let s, _): ops[at] = .jumpIfFalse(s, target)
    case .jumpIfTrue(let s, _): ops[at] = .jumpIfTrue(s, target)
    case .jumpUnless(let o, let a, let b, _): ops[at] = .jumpUnless(o, a, b, target)
    case .jumpUnlessK(let o, let a, let k, _): ops[at] = .jumpUnlessK(o, a, k, target)
    case .guardRange: ops[at] = .guardRange(target)
    case .forPrep(let b, let n, _): ops[at] = .forPrep(b, n, target)
    default: preconditionFailure("patch: not a jump")
    }
  }

  /// `JOULE_COMPILE=all` runs every compiled body compiled, from Swift too (for tests and
  /// measurement).
  static let everything = ProcessInfo.processInfo.environment["JOULE_COMPILE"] == "all"

  /// True when a call from Swift (the tree's calls, builtins calling back) should run the
  /// body's code rather than its tree: when it has a loop of its own (a loop step runs in half
  /// the instructions compiled), or a call the dispatch loop can make in-loop (fib: every call
  /// below the first then stays in one loop). A small leaf body (`fn(x) { x * 2 }` given to
  /// `map`) is cheaper on the tree, where it is not worth the dispatch loop's entry and exit
  /// (measured, docs/architecture.md "Speed").
  static func entersCompiled(_ body: Node) -> Bool {
    everything || hasLoop(body) || hasCall(body)
  }

  /// True when the body has a call (not one of a nested `fn`) that compiles to `callGlobal`
  /// or `callValue`.
  static func hasCall(_ node: Node) -> Bool {
    if let c = node as? Call, translates(c) { return true }
    if node is FunctionLiteral { return false }
    return node.children.contains(where: hasCall)
  }

  /// True when the body has a `while` or `for` of its own (not one of a nested `fn`).
  static func hasLoop(_ node: Node) -> Bool {
    if node is While || node is ForIn { return true }
    if node is FunctionLiteral { return false }
    return node.children.contains(where: hasLoop)
  }

  /// True when a `break` or `continue` in `node` would leave it (for a loop around it).
  static func escapesLoop(_ node: Node) -> Bool {
    if node is Break || node is Continue { return true }
    if node is FunctionLiteral || node is While || node is ForIn { return false }
    return node.children.contains(where: escapesLoop)
  }

  // MARK: - Statements

  /// Compiles `node` for its effect; its value is dropped.
  mutating func statement(_ node: Node) throws {
    let mark = top
    depth += 1
    defer { top = mark; depth -= 1 }
    guard depth < Compiler.maxDepth else { throw Unsupported() }
    switch node {
    case let b as Block:
      for s in b.statements { try statement(s) }
    case let a as Assign:
      try assign(a)
    case let c as CompoundAssign:
      if case .local(let s) = c.target {
        let rhs = try operand(c.value)
        emit(.compound(c.op, Reg(s), rhs), c)
      } else {
        emit(.execNode, c)
      }
    case let i as If:
      let otherwise = try condition(i.condition)
      try statement(i.then)
      if let e = i.otherwise {
        let end = emit(.jump(0), i)
        for j in otherwise { patch(j, to: here) }
        try statement(e)
        patch(end, to: here)
      } else {
        for j in otherwise { patch(j, to: here) }
      }
    case let w as While:
      try whileLoop(w)
    case let f as ForIn:
      try forLoop(f)
    case let r as Return:
      let v = try r.value.map { try operand($0) } ?? nilRegister(r)
      emit(.ret(v), r)
    case is Break:
      guard !loops.isEmpty else { throw Unsupported() }
      loops[loops.count - 1].breaks.append(emit(.jump(0), node))
    case is Continue:
      guard !loops.isEmpty else { throw Unsupported() }
      loops[loops.count - 1].continues.append(emit(.jump(0), node))
    default:
      if Compiler.translates(node) {
        try expression(node, into: temp())
      } else {
        guard !Compiler.escapesLoop(node) else { throw Unsupported() }
        emit(.execNode, node)
      }
    }
  }

  mutating func assign(_ a: Assign) throws {
    switch a.target {
    case .local(let s):
      // Straight into the slot when the value's only write is its last instruction (so the
      // expression never sees its own half-made result).
      if Compiler.writesOnce(a.value) {
        try expression(a.value, into: Reg(s))
      } else {
        let t = temp()
        try expression(a.value, into: t)
        emit(.move(Reg(s), t), a)
      }
    case .cell(let c): emit(.setCell(Int32(c), try operand(a.value)), a)
    case .upvalue(let u): emit(.setUpvalue(Int32(u), try operand(a.value)), a)
    case .global(let g): emit(.setGlobal(Int32(g), try operand(a.value)), a)
    }
  }

  /// Stores `r[v]` in a variable.
  mutating func store(_ v: Reg, in target: VariableRef, _ node: Node) {
    switch target {
    case .local(let s): emit(.move(Reg(s), v), node)
    case .cell(let c): emit(.setCell(Int32(c), v), node)
    case .upvalue(let u): emit(.setUpvalue(Int32(u), v), node)
    case .global(let g): emit(.setGlobal(Int32(g), v), node)
    }
  }

  mutating func nilRegister(_ node: Node) -> Reg {
    let t = temp()
    emit(.loadK(t, constant(.none)), node)
    return t
  }

  mutating func whileLoop(_ w: While) throws {
    let start = here
    let exits = try condition(w.condition)
    loops.append(([], []))
    try statement(w.body)
    let loop = loops.removeLast()
    let back = here
    emit(.loop(start), w)
    for j in loop.continues { patch(j, to: back) }
    for j in exits + loop.breaks { patch(j, to: here) }
  }

  /// `for x in range(...)` counts in three registers (i, end, step); any other `for` is the
  /// tree's, as is this one when `range` names something else at run time.
  mutating func forLoop(_ f: ForIn) throws {
    guard let rc = f.rangeCall, rc.arguments.count <= 3 else {
      emit(.execNode, f)
      return
    }
    let guardAt = emit(.guardRange(0), f)
    let base = temp()
    _ = temp()
    _ = temp()
    for (i, a) in rc.arguments.enumerated() { try expression(a, into: base + Reg(i)) }
    let prep = emit(.forPrep(base, Int32(rc.arguments.count), 0), rc)
    var slot: Reg = -1
    if case .local(let s) = f.target { slot = Reg(s) }
    // A local is set before the first pass and by `forStep` after; any other variable here.
    if slot >= 0 { store(base, in: f.target, f) }
    let body = here
    if slot < 0 { store(base, in: f.target, f) }
    loops.append(([], []))
    try statement(f.body)
    let loop = loops.removeLast()
    let step = here
    emit(.forStep(base, body, slot), f)
    for j in loop.continues { patch(j, to: step) }
    for j in loop.breaks { patch(j, to: here) }
    patch(prep, to: here)
    let end = emit(.jump(0), f)
    patch(guardAt, to: here)
    emit(.execNode, f)
    patch(end, to: here)
  }

  /// Compiles a condition; returns the jumps taken when it is false, to patch.
  mutating func condition(_ node: Node) throws -> [Int] {
    let mark = top
    defer { top = mark }
    switch node {
    case let c as ComparisonConstant where c.op != .isIn && Int32(exactly: c.constant) != nil:
      let a = try operand(c.left)
      return [emit(.jumpUnlessK(c.op, a, Int32(c.constant), 0), c)]
    case let c as Comparison where c.op != .isIn:
      let a = try operand(c.left)
      let b = try operand(c.right)
      return [emit(.jumpUnless(c.op, a, b, 0), c)]
    case let a as And:
      return try condition(a.left) + condition(a.right)
    default:
      let t = try operand(node)
      return [emit(.jumpIfFalse(t, 0), node)]
    }
  }
}
