/// A user function value: its declaration and the cells it captured from the calls around it.
///
///     fn scale(x, by: 2) { x * by }
///     scale(3, by: 10)   # 30
public final class Closure: Callable {
  let proto: FunctionProto
  /// One cell per upvalue of `proto`, in the resolver's order.
  let upvalues: UnsafeMutablePointer<Cell>?
  private let upvalueCount: Int
  /// Calls of this closure in progress that reached it unretained, through
  /// `Globals.closures`: while above zero, overwriting the global keeps it alive (`Globals.set`).
  /// A plain counter: one thread runs an interpreter (see docs/architecture.md).
  @exclusivity(unchecked) var activeCalls = 0
  /// `proto.inLoopRef` and `proto.parameterCount` again: what every in-loop call from compiled
  /// code tests, one load each (`Interpreter.execute`).
  let inLoopCode: Unmanaged<Code>?
  let arity: Int

  /// The code a call with `argc` arguments runs in-loop: `inLoopCode` when they are exactly
  /// the parameters (no defaults to fill), else nil and the call goes through Swift.
  @inline(__always) func inLoopCode(arguments argc: Int) -> Unmanaged<Code>? {
    if let code = inLoopCode, arity == argc { return code }
    return nil
  }

  /// Makes the closure inside `frame`, the call where its `fn` is written.
  init(_ proto: FunctionProto, in frame: Frame) {
    self.proto = proto
    inLoopCode = proto.inLoopRef
    arity = proto.parameterCount
    let captures = proto.captures
    upvalueCount = captures.count
    if captures.isEmpty {
      upvalues = nil
    } else {
      let u = UnsafeMutablePointer<Cell>.allocate(capacity: captures.count)
      for (i, c) in captures.enumerated() {
        switch c {
        case .cell(let k): (u + i).initialize(to: frame.cell(k))
        case .upvalue(let k): (u + i).initialize(to: frame.upvalue(k))
        }
      }
      upvalues = u
    }
  }

  deinit {
    if let upvalues {
      upvalues.deinitialize(count: upvalueCount)
      upvalues.deallocate()
    }
  }

  public var name: String { proto.name }
  public var signature: String { proto.signature }
  public var doc: String { proto.doc }
  public var parameterNames: [String] { proto.parameters }

  /// Called from a builtin (`map`, `tune`, ...) through its `CallContext`.
  public func call(_ arguments: Arguments, context: any CallContext) throws -> Value {
    // Nearly always the interpreter itself: a type check, not a dynamic cast.
    guard ObjectIdentifier(type(of: context)) == ObjectIdentifier(Interpreter.self) else {
      throw ScriptError.runtime("\(name): a joule function can only run inside its interpreter")
    }
    return try unsafeDowncast(context, to: Interpreter.self).callClosure(self, arguments)
  }

  /// Matches arguments to parameters in `slots` (the new call's frame, all nil); returns the
  /// parameters left to their defaults, which the call evaluates once its cells exist (a
  /// default may use earlier parameters).
  func bind(_ arguments: Arguments, into slots: UnsafeMutablePointer<Value>) throws -> [Int] {
    if arguments.keywords.isEmpty && arguments.positional.count == proto.parameterCount {
      // Every parameter given by position, as `map` and `sort` call: nothing to match.
      for (i, v) in arguments.positional.enumerated() { slots[i] = v }
      return []
    }
    let ps = proto.parameters
    guard arguments.positional.count <= ps.count else {
      throw ScriptError.runtime(
        "\(name): takes \(ps.count) argument\(ps.count == 1 ? "" : "s"), got \(arguments.positional.count)")
    }
    var given = [Bool](repeating: false, count: ps.count)
    for (i, v) in arguments.positional.enumerated() {
      slots[i] = v
      given[i] = true
    }
    for (k, v) in arguments.keywords {
      guard let i = ps.firstIndex(of: k) else {
        let hint = Suggestion.closest(to: k, among: ps).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("\(name): unknown keyword '\(k)'\(hint)")
      }
      if given[i] { throw ScriptError.runtime("\(name): '\(k)' given twice") }
      slots[i] = v
      given[i] = true
    }
    var defaulted: [Int] = []
    for i in ps.indices where !given[i] {
      guard proto.defaults[i] != nil else {
        throw ScriptError.runtime("\(name): missing argument '\(ps[i])'")
      }
      defaulted.append(i)
    }
    return defaulted
  }
}
