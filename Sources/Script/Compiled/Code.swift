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
  /// Per `field` site: where the field was last found (`Field`'s hint, one per site), and the
  /// site's `Field` node (unretained, as `nodes`): read by site, not by instruction, so the
  /// dispatch loop needs no instruction index for it.
  let hints: UnsafeMutablePointer<Int>
  let fields: UnsafeMutablePointer<Unmanaged<Node>>
  /// Per instruction: the one-number builtin a `callGlobal` last called.
  let math: UnsafeMutablePointer<UnaryMath?>
  static let mathSpread = MemoryLayout<Op>.stride / 4
  let count: Int
  private let constantCount: Int
  private let hintCount: Int
  /// Locals and temporaries: what a call reserves.
  let frameSize: Int
  /// The resolver's locals (parameters first): an in-loop call sets those above its
  /// arguments to nil; the temporaries above them are always written before they are read.
  let localCount: Int

  init(ops: [Op], nodes: [Node], constants: [Value], hintCount: Int, frameSize: Int, localCount: Int) {
    count = ops.count
    self.ops = .allocate(capacity: count)
    self.ops.initialize(from: ops, count: count)
    // Jump targets become offsets from their instruction: the dispatch loop steps a pointer.
    for i in 0..<count { self.ops[i] = ops[i].relative(to: Int32(i)) }
    self.nodes = .allocate(capacity: count)
    self.nodes.initialize(from: nodes.map { Unmanaged.passUnretained($0) }, count: count)
    self.math = .allocate(capacity: count * Code.mathSpread)
    self.math.initialize(repeating: nil, count: count * Code.mathSpread)
    constantCount = constants.count
    self.constants = .allocate(capacity: max(1, constantCount))
    self.constants.initialize(from: constants, count: constantCount)
    self.hintCount = hintCount
    hints = .allocate(capacity: max(1, hintCount))
    hints.initialize(repeating: 0, count: hintCount)
    fields = .allocate(capacity: max(1, hintCount))
    for (op, node) in zip(ops, nodes) {
      if case .field(_, _, let site) = op { (fields + Int(site)).initialize(to: Unmanaged.passUnretained(node)) }
    }
    self.frameSize = frameSize
    self.localCount = localCount
  }

  deinit {
    ops.deinitialize(count: count)
    ops.deallocate()
    nodes.deallocate()
    math.deallocate()
    constants.deinitialize(count: constantCount)
    constants.deallocate()
    hints.deallocate()
    fields.deallocate()
  }
}

/// What the dispatch loop reads of its running `Code`, held unretained (`execute` switches code
/// at every in-loop call and return; a strong reference would be retained and released there).
extension Unmanaged where Instance == Code {
  @inline(__always) var ops: UnsafeMutablePointer<Op> { _withUnsafeGuaranteedRef { $0.ops } }
  @inline(__always) var nodes: UnsafeMutablePointer<Unmanaged<Node>> { _withUnsafeGuaranteedRef { $0.nodes } }
  @inline(__always) var constants: UnsafeMutablePointer<Value> { _withUnsafeGuaranteedRef { $0.constants } }
  @inline(__always) var hints: UnsafeMutablePointer<Int> { _withUnsafeGuaranteedRef { $0.hints } }
  @inline(__always) var fields: UnsafeMutablePointer<Unmanaged<Node>> { _withUnsafeGuaranteedRef { $0.fields } }
  @inline(__always) var math: UnsafeMutablePointer<UnaryMath?> { _withUnsafeGuaranteedRef { $0.math } }
  /// The `math` entry of the instruction at `ip`: found by its byte offset over 4 (a shift),
  /// not its index (a division by the instruction's 20 bytes): `math` has `mathSpread`
  /// entries per instruction, the first one used.
  @inline(__always) func math(at ip: UnsafeMutablePointer<Op>) -> UnsafeMutablePointer<UnaryMath?> {
    math + ((UnsafeRawPointer(ip) - UnsafeRawPointer(ops)) >> 2)
  }
  @inline(__always) var frameSize: Int { _withUnsafeGuaranteedRef { $0.frameSize } }
  @inline(__always) var localCount: Int { _withUnsafeGuaranteedRef { $0.localCount } }
  /// The index of the instruction at `ip`, and the node it came from (slow paths only: a
  /// pointer difference divides by the stride).
  @inline(__always) func index(_ ip: UnsafeMutablePointer<Op>) -> Int { ip - ops }
  @inline(__always) func node(_ ip: UnsafeMutablePointer<Op>) -> Unmanaged<Node> { nodes[ip - ops] }
}
