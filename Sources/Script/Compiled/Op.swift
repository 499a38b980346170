/// A register operand: an index into the running call's slots (the resolver's locals first,
/// then the compiler's temporaries above them).
typealias Reg = Int32

/// One instruction of a compiled function body (`Code`), run by `Interpreter.execute`.
///
///     fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
///     // 0 jumpUnlessK(<, n, 2, →3)   1 ret(n)   2 subK(t1, n, 1)   3 callGlobal(t1, fib, t1, 1) ...
///
/// Operands are slots, so `s = s + i` is one `add`, and a comparison that decides a branch
/// is fused with its jump. Every instruction has the node it came from in `Code.nodes` (same
/// index): errors take its position, and the instructions that hand work back to the tree
/// (`evalNode`, `execNode`, the slow paths) find their node there. Jump targets are
/// instruction indices as compiled, offsets from the jump once in `Code` (`relative(to:)`).
/// Payloads are 32-bit so an instruction fits in 20 bytes.
enum Op {
  /// `r[d] = constants[k]`.
  case loadK(Reg, Int32)
  /// `r[d] = r[s]`.
  case move(Reg, Reg)
  case getCell(Reg, Int32)
  case getUpvalue(Reg, Int32)
  /// A global's value; an unset one goes to its `GlobalGet` node (builtins, "did you mean").
  case getGlobal(Reg, Int32)
  case setCell(Int32, Reg)
  case setUpvalue(Int32, Reg)
  case setGlobal(Int32, Reg)

  case add(Reg, Reg, Reg)
  case subtract(Reg, Reg, Reg)
  case multiply(Reg, Reg, Reg)
  case arith(BinaryOperator, Reg, Reg, Reg)
  /// `r[d] = r[a] op k`, `k` an integer literal.
  case addK(Reg, Reg, Int32)
  case subtractK(Reg, Reg, Int32)
  case arithK(BinaryOperator, Reg, Reg, Int32)
  /// `local op= r[b]` on a local slot; lists and strings go to the `CompoundAssign` node.
  case compound(BinaryOperator, Reg, Reg)
  case compare(ComparisonOperator, Reg, Reg, Reg)
  case compareK(ComparisonOperator, Reg, Reg, Int32)
  case not(Reg, Reg)
  case negate(Reg, Reg)

  case jump(Int32)
  case jumpIfFalse(Reg, Int32)
  case jumpIfTrue(Reg, Int32)
  /// Jumps unless `r[a] op r[b]`: a condition and its branch in one instruction.
  case jumpUnless(ComparisonOperator, Reg, Reg, Int32)
  case jumpUnlessK(ComparisonOperator, Reg, Int32, Int32)
  // No instruction of its own per operator (`jumpUnlessLess`, tried): each new instruction
  // that ends in a jump is one more way into the dispatch, and past 16 of them LLVM stops
  // copying the dispatch into each instruction's end (its tail duplication), so the indirect
  // branches mispredict: the while program counted 9% fewer instructions and ran 1.4 times
  // as long. `execute` tests `<` first inside these two instead.
  /// A `while` loop's back-edge: counts a tick (Ctrl-C, the step limit), then jumps.
  case loop(Int32)

  /// `r[d] = global(r[base], ...)`: a global `fn` is reached unretained (`Globals.closures`),
  /// a one-number builtin through the site's cached `UnaryMath`.
  case callGlobal(Reg, Int32, Reg, Int32)
  /// `r[d] = r[callee](r[base], ...)`.
  case callValue(Reg, Reg, Reg, Int32)
  case ret(Reg)

  /// `r[d] = {fields}` from `count` registers at `base`, with its `RecordLiteral`'s shape.
  case record(Reg, Reg, Int32)
  case list(Reg, Reg, Int32)
  /// `r[d] = r[o].name`, remembering where the field was in `Code.hints[site]`.
  case field(Reg, Reg, Int32)

  /// Jumps to the tree fallback unless the `for` loop's `range` is the builtin.
  case guardRange(Int32)
  /// `range` bounds in `count` registers at `base` become (i, end, step) there; jumps past the
  /// loop when it runs zero times.
  case forPrep(Reg, Int32, Int32)
  /// Counts a tick, steps `i`, and jumps back to the body while it is in range. A local loop
  /// variable's slot (else -1) gets the new `i` here, with no `move` per step.
  case forStep(Reg, Int32, Reg)

  /// The tree evaluates the node (a construct the compiler leaves to it) into `r[d]`.
  case evalNode(Reg)
  case execNode
}

extension Op {
  /// The instruction at index `at` with its jump target as an offset from it.
  func relative(to at: Int32) -> Op {
    switch self {
    case .jump(let t): return .jump(t - at)
    case .jumpIfFalse(let s, let t): return .jumpIfFalse(s, t - at)
    case .jumpIfTrue(let s, let t): return .jumpIfTrue(s, t - at)
    case .jumpUnless(let o, let a, let b, let t): return .jumpUnless(o, a, b, t - at)
    case .jumpUnlessK(let o, let a, let k, let t): return .jumpUnlessK(o, a, k, t - at)
    case .loop(let t): return .loop(t - at)
    case .guardRange(let t): return .guardRange(t - at)
    case .forPrep(let b, let n, let t): return .forPrep(b, n, t - at)
    case .forStep(let b, let t, let slot): return .forStep(b, t - at, slot)
    default: return self
    }
  }
}
