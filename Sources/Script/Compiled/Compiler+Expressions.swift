/// Expressions: each compiles into a register the caller chose.
///
///     p.x + p.y * p.w   // field t1, p;  field t2, p;  field t3, p;  multiply t2, t2, t3;  add d, t1, t2
extension Compiler {
  /// The node kinds `expression` translates itself (the rest go to the tree).
  static func translates(_ node: Node) -> Bool {
    switch node {
    case is Literal, is LocalGet, is CellGet, is UpvalueGet, is GlobalGet, is Binary, is BinaryConstant,
         is Comparison, is ComparisonConstant, is Not, is Negate, is And, is Or, is If, is Block,
         is RecordLiteral, is ListLiteral, is Field:
      return true
    case let c as Call:
      return c.keywords.isEmpty && c.rangeArgument == nil
    default:
      return false
    }
  }

  /// True when the node's code writes its destination only with its last instruction, so it
  /// may be compiled straight into a variable that it reads.
  static func writesOnce(_ node: Node) -> Bool {
    switch node {
    case is And, is Or, is If, is Block: return false
    default: return translates(node)
    }
  }

  /// The register holding the node's value: a local's own slot, else a new temporary.
  mutating func operand(_ node: Node) throws -> Reg {
    if let l = node as? LocalGet { return Reg(l.slot) }
    let t = temp()
    try expression(node, into: t)
    return t
  }

  /// `operand` for an operator's first operand, given the operator's destination `d`: when
  /// `d` is the newest temporary (nothing reads it before the operator writes it), the
  /// operand is computed there, as Lua allocates registers. Frames are smaller: fib's
  /// `fib(n - 1) + fib(n - 2)` is `call t1; call t2; add t1, t1, t2` in three slots, not four,
  /// so each of its in-loop calls starts a slot lower and its `ret` clears one slot fewer.
  mutating func operand(_ node: Node, reusing d: Reg) throws -> Reg {
    guard Int(d) == top - 1, Int(d) >= localBase, !(node is LocalGet) else { return try operand(node) }
    try expression(node, into: d)
    return d
  }

  mutating func expression(_ node: Node, into d: Reg) throws {
    let mark = top
    depth += 1
    defer { top = mark; depth -= 1 }
    guard depth < Compiler.maxDepth else { throw Unsupported() }
    switch node {
    case let l as Literal:
      emit(.loadK(d, constant(l.value)), l)
    case let l as LocalGet:
      if Reg(l.slot) != d { emit(.move(d, Reg(l.slot)), l) }
    case let c as CellGet:
      emit(.getCell(d, Int32(c.index)), c)
    case let u as UpvalueGet:
      emit(.getUpvalue(d, Int32(u.index)), u)
    case let g as GlobalGet:
      emit(.getGlobal(d, Int32(g.index)), g)
    case let b as Binary:
      let x = try operand(b.left, reusing: d)
      let y = try operand(b.right)
      switch b.op {
      case .add: emit(.add(d, x, y), b)
      case .subtract: emit(.subtract(d, x, y), b)
      case .multiply: emit(.multiply(d, x, y), b)
      default: emit(.arith(b.op, d, x, y), b)
      }
    case let b as BinaryConstant:
      let x = try operand(b.left, reusing: d)
      guard let k = Int32(exactly: b.constant) else {
        let t = temp()
        emit(.loadK(t, constant(.int(b.constant))), b)
        emit(.arith(b.op, d, x, t), b)
        return
      }
      switch b.op {
      case .add: emit(.addK(d, x, k), b)
      case .subtract: emit(.subtractK(d, x, k), b)
      default: emit(.arithK(b.op, d, x, k), b)
      }
    case let c as Comparison:
      let x = try operand(c.left, reusing: d)
      let y = try operand(c.right)
      emit(.compare(c.op, d, x, y), c)
    case let c as ComparisonConstant:
      let x = try operand(c.left, reusing: d)
      if let k = Int32(exactly: c.constant) {
        emit(.compareK(c.op, d, x, k), c)
      } else {
        let t = temp()
        emit(.loadK(t, constant(.int(c.constant))), c)
        emit(.compare(c.op, d, x, t), c)
      }
    case let n as Not:
      emit(.not(d, try operand(n.operand)), n)
    case let n as Negate:
      emit(.negate(d, try operand(n.operand)), n)
    case let a as And:
      try expression(a.left, into: d)
      let j = emit(.jumpIfFalse(d, 0), a)
      try expression(a.right, into: d)
      patch(j, to: here)
    case let o as Or:
      try expression(o.left, into: d)
      let j = emit(.jumpIfTrue(d, 0), o)
      try expression(o.right, into: d)
      patch(j, to: here)
    case let i as If:
      let otherwise = try condition(i.condition)
      try expression(i.then, into: d)
      let end = emit(.jump(0), i)
      for j in otherwise { patch(j, to: here) }
      if let e = i.otherwise {
        try expression(e, into: d)
      } else {
        emit(.loadK(d, constant(.none)), i)
      }
      patch(end, to: here)
    case let b as Block:
      guard let last = b.statements.last else {
        emit(.loadK(d, constant(.none)), b)
        return
      }
      for s in b.statements.dropLast() { try statement(s) }
      try expression(last, into: d)
    case let c as Call where c.keywords.isEmpty && c.rangeArgument == nil:
      try call(c, into: d)
    case let r as RecordLiteral:
      let base = try consecutive(r.fields.map(\.1))
      emit(.record(d, base, Int32(r.fields.count)), r)
    case let l as ListLiteral:
      let base = try consecutive(l.elements)
      emit(.list(d, base, Int32(l.elements.count)), l)
    case let f as Field:
      let o = try operand(f.object)
      emit(.field(d, o, Int32(hintCount)), f)
      hintCount += 1
    case is Assign, is CompoundAssign, is While, is ForIn, is Return, is Break, is Continue:
      // Statements as values (a block's last): their value is nil.
      try statement(node)
      emit(.loadK(d, constant(.none)), node)
    default:
      guard !Compiler.escapesLoop(node) else { throw Unsupported() }
      emit(.evalNode(d), node)
    }
  }

  /// Compiles `node` as the value its call returns: each branch of an `if`, and a block's
  /// last statement, ends in a `ret` of its own, so fib's `if n < 2 { n }` is two
  /// instructions (`jumpUnlessK`, `ret n`) rather than four (a move into a result register
  /// and a jump to a shared `ret`).
  mutating func returning(_ node: Node) throws {
    let mark = top
    depth += 1
    defer { top = mark; depth -= 1 }
    guard depth < Compiler.maxDepth else { throw Unsupported() }
    switch node {
    case let i as If:
      let otherwise = try condition(i.condition)
      try returning(i.then)
      for j in otherwise { patch(j, to: here) }
      if let e = i.otherwise {
        try returning(e)
      } else {
        emit(.ret(nilRegister(i)), i)
      }
    case let b as Block where !b.statements.isEmpty:
      for s in b.statements.dropLast() { try statement(s) }
      try returning(b.statements[b.statements.count - 1])
    default:
      emit(.ret(try operand(node)), node)
    }
  }

  /// Evaluates `nodes` into fresh consecutive temporaries; returns the first. With `at`, the
  /// destination when it is the newest temporary: a call's result then lands where its first
  /// argument was (Lua's way), which keeps frames small.
  mutating func consecutive(_ nodes: [Node], at d: Reg? = nil) throws -> Reg {
    if let d, Int(d) == top - 1, Int(d) >= localBase {
      top -= 1
    }
    let base = Reg(top)
    for _ in nodes { _ = temp() }
    for (i, n) in nodes.enumerated() { try expression(n, into: base + Reg(i)) }
    return base
  }

  /// `f(a, b)` with positional arguments: a global callee is looked up by the call itself.
  mutating func call(_ c: Call, into d: Reg) throws {
    if let g = c.callee as? GlobalGet {
      let base = try consecutive(c.arguments, at: d)
      emit(.callGlobal(d, Int32(g.index), base, Int32(c.arguments.count)), c)
    } else {
      let f = try operand(c.callee)
      let base = try consecutive(c.arguments)
      emit(.callValue(d, f, base, Int32(c.arguments.count)), c)
    }
  }
}
