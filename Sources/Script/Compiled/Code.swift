/// A function body compiled to register instructions (`Op`), with what they refer to.
///
///     let code = Compiler.compile(proto)   // nil: the body stays with the tree-walker
///     try interpreter.execute(code!, frame)
///
/// Everything is in raw buffers, read through locals in the dispatch loop: an array read
/// there would retain and release the array (atomically) on every instruction.
final class Code {
  let ops: UnsafeMutablePointer<Op>
  /// The node each instruction came from, unretained: the proto holds its body, which holds
  /// them all, for as long as the code lives (docs/architecture.md, invariant 2).
  let nodes: UnsafeMutablePointer<Unmanaged<Node>>
  let constants: UnsafeMutablePointer<Value>
  /// Per `field` site: where the field was last found (`Field`'s hint, one per site).
  let hints: UnsafeMutablePointer<Int>
  /// Per instruction: the one-number builtin a `callGlobal` last called.
  let math: UnsafeMutablePointer<UnaryMath?>
  let count: Int
  private let constantCount: Int
  private let hintCount: Int
  /// Locals and temporaries: what a call reserves.
  let frameSize: Int

  init(ops: [Op], nodes: [Node], constants: [Value], hintCount: Int, frameSize: Int) {
    count = ops.count
    self.ops = .allocate(capacity: count)
    self.ops.initialize(from: ops, count: count)
    self.nodes = .allocate(capacity: count)
    self.nodes.initialize(from: nodes.map { Unmanaged.passUnretained($0) }, count: count)
    self.math = .allocate(capacity: count)
    self.math.initialize(repeating: nil, count: count)
    constantCount = constants.count
    self.constants = .allocate(capacity: max(1, constantCount))
    self.constants.initialize(from: constants, count: constantCount)
    self.hintCount = hintCount
    hints = .allocate(capacity: max(1, hintCount))
    hints.initialize(repeating: 0, count: hintCount)
    self.frameSize = frameSize
  }

  deinit {
    ops.deinitialize(count: count)
    ops.deallocate()
    nodes.deallocate()
    math.deallocate()
    constants.deinitialize(count: constantCount)
    constants.deallocate()
    hints.deallocate()
  }
}
