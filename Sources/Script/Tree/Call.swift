/// `f(a, b, lr: 0.1)`, and `x |> f(a)` which the parser turns into `f(x, a)`.
///
/// User functions with exactly their positional arguments take a fast path that evaluates
/// straight into the new call's slots.
final class Call: Node {
  override var children: [Node] { [callee] + arguments + keywords.map(\.1) }
  let callee: Node
  let arguments: [Node]
  let keywords: [(String, Node)]

  /// The positional arguments again, unretained, for the fast path: reading them from the
  /// array would retain and release each node on every call.
  private let fastArguments: UnsafeMutableBufferPointer<Unmanaged<Node>>
  private let positionalOnly: Bool
  /// The global's index when the callee is a global variable, else -1.
  private let calleeGlobal: Int
  /// Set once this site (a global name, one positional argument) has called a one-number
  /// builtin: later calls go straight to it while no global shadows the name.
  @exclusivity(unchecked) private var cachedMath: UnaryMath?
  /// The first argument when it is written `range(...)` (positional bounds only): a builtin
  /// with an `overRange` body (`map`, `filter`, `reduce`) then counts through the integers
  /// instead of receiving their list.
  let rangeArgument: Call?

  init(_ at: Location, _ callee: Node, _ arguments: [Node], _ keywords: [(String, Node)]) {
    self.callee = callee
    self.arguments = arguments
    self.keywords = keywords
    positionalOnly = keywords.isEmpty
    calleeGlobal = (callee as? GlobalGet)?.index ?? -1
    if keywords.isEmpty, let r = arguments.first as? Call, (r.callee as? GlobalGet)?.name == "range",
       r.keywords.isEmpty, (1...3).contains(r.arguments.count) {
      rangeArgument = r
    } else {
      rangeArgument = nil
    }
    fastArguments = .allocate(capacity: arguments.count)
    _ = fastArguments.initialize(from: arguments.map { Unmanaged.passUnretained($0) })
    super.init(at)
  }

  deinit { fastArguments.deallocate() }

  /// The same call with `first` prepended: the pipe.
  func prepending(_ first: Node) -> Call {
    Call(location, callee, [first] + arguments, keywords)
  }

  private func evalArguments(_ frame: Frame, _ it: Interpreter) throws -> Arguments {
    var a = Arguments()
    a.positional.reserveCapacity(arguments.count)
    for n in arguments { a.positional.append(try n.eval(frame, it)) }
    for (k, n) in keywords { a.keywords.append((k, try n.eval(frame, it))) }
    return a
  }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    // A global `fn`: reached through the globals' closure table, unretained (the global keeps
    // it alive, or, once overwritten during this call, the retired list: `activeCalls` says
    // the call is in progress).
    if calleeGlobal >= 0, let c = it.globals.closures[calleeGlobal] {
      let v = try c._withUnsafeGuaranteedRef { c in
        c.activeCalls &+= 1
        defer { c.activeCalls &-= 1 }
        return try call(c, frame, it)
      }
      if it.globals.hasRetired { it.globals.sweepRetired() }
      return v
    }
    return try evalGeneral(frame, it)
  }

  /// A call of `closure`, whatever the arguments.
  @inline(__always)
  private func call(_ closure: Closure, _ frame: Frame, _ it: Interpreter) throws -> Value {
    unowned(unsafe) let proto = closure.proto
    let count = proto.localCount
    let slots = try it.reserve(count, at: self)
    defer { it.release(slots, count) }
    if positionalOnly && fastArguments.count == proto.parameterCount {
      // Straight into the new frame's slots.
      for i in 0..<fastArguments.count {
        // Over the nil `reserve` put there: nothing to destroy first.
        (slots + i).initialize(to: try fastArguments[i]._withUnsafeGuaranteedRef { try $0.eval(frame, it) })
      }
      if proto.cellCount == 0 { return try it.enterPlain(closure, slots, callSite: self) }
      return try it.invoke(closure, slots, callSite: self)
    }
    let a = try evalArguments(frame, it)
    let defaulted: [Int]
    do { defaulted = try closure.bind(a, into: slots) } catch { throw located(error) }
    return try it.invoke(closure, slots, defaulted: defaulted, callSite: self)
  }

  private func evalGeneral(_ frame: Frame, _ it: Interpreter) throws -> Value {
    // A callee named by a global (a top-level `fn`) is read in place, without a node call.
    let f: Value
    if calleeGlobal >= 0, let v = it.globals.values[calleeGlobal] {
      f = v
    } else if let math = cachedMath {
      // This site called a one-number builtin last time, and no global has taken its name.
      let x = try fastArguments[0]._withUnsafeGuaranteedRef { try $0.eval(frame, it) }
      if let r = math.apply(x) { return r }
      guard case .builtin(let b) = try callee.eval(frame, it) else { throw error("not a function") }
      do { return try b.callPositional(1, it) { _ in x }! } catch { throw located(error) }
    } else {
      f = try callee.eval(frame, it)
    }
    let builtin: Builtin
    switch f {
    case .closure(let c): return try call(c, frame, it)
    case .builtin(let b): builtin = b
    default:
      let what = (callee as? VariableGet).map { "'\($0.name)' is \(f.typeName)" } ?? "\(f.typeName) value is"
      throw error("\(what), not a function")
    }
    if positionalOnly, fastArguments.count == 1 {
      if let math = builtin.math {
        // A function of one number: no binding, no callbacks, nothing to interrupt.
        if calleeGlobal >= 0 { cachedMath = math }
        let x = try fastArguments[0]._withUnsafeGuaranteedRef { try $0.eval(frame, it) }
        if let r = math.apply(x) { return r }
        do { return try builtin.callPositional(1, it) { _ in x }! } catch { throw located(error) }
      }
    }
    let saved = it.builtinCallSite
    it.builtinCallSite = self
    defer { it.builtinCallSite = saved }
    let mark = it.interruptCount.pointee
    let result: Value
    do {
      if let rc = rangeArgument, let over = builtin.overRange, let r = try callOverRange(rc, over, builtin, frame, it) {
        result = r
      } else if positionalOnly, let r = try builtin.callPositional(fastArguments.count, it, { i in
        try fastArguments[i]._withUnsafeGuaranteedRef { try $0.eval(frame, it) }
      }) {
        result = r
      } else {
        result = try builtin.call(try evalArguments(frame, it), context: it)
      }
    } catch {
      throw located(error)
    }
    // Ctrl-C came while the builtin ran and it returned early (a partial `train` record):
    // the whole input stops here rather than carrying on with a half result.
    if it.interruptCount.pointee != mark || it.embedderInterrupt() { throw it.interrupted(in: builtin.name, returning: result, at: self) }
    return result
  }

  /// `builtin(range(...), ...)` run by its `overRange` body, or nil (having evaluated nothing)
  /// when `range` names something else here. The range's errors are the ones the `range`
  /// builtin gives, at its own call.
  private func callOverRange(
    _ rc: Call, _ over: (StrideTo<Int>, BoundArguments, any CallContext) throws -> Value,
    _ builtin: Builtin, _ frame: Frame, _ it: Interpreter
  ) throws -> Value? {
    guard fastArguments.count <= builtin.plan.positionalLimit,
          case .builtin(let r) = try rc.callee.eval(frame, it), r === CoreBuiltins.range else { return nil }
    let ints: StrideTo<Int>
    do {
      guard let bounds = try r.bindPositional(rc.fastArguments.count, { i in
        try rc.fastArguments[i]._withUnsafeGuaranteedRef { try $0.eval(frame, it) }
      }) else { return nil }
      ints = try CoreBuiltins.rangeBounds(bounds)
    } catch {
      throw rc.located(error)
    }
    // The builtin's own arguments, the list's place held by an empty one.
    guard let bound = try builtin.bindPositional(fastArguments.count, { i in
      i == 0 ? .list([]) : try fastArguments[i]._withUnsafeGuaranteedRef { try $0.eval(frame, it) }
    }) else { return nil }
    return try over(ints, bound, it)
  }

}

/// What a `fn` declares: parameters with defaults, slot count, body.
final class FunctionProto {
  let name: String
  let parameters: [String]
  let parameterCount: Int
  var defaults: [Node?]
  /// Parameters first, then every other local the resolver found.
  @exclusivity(unchecked) var localCount = 0
  /// The slot of each cell (captured local), and what each upvalue is in the enclosing call.
  var cellSlots: [Int] = [] { didSet { cellCount = cellSlots.count } }
  private(set) var cellCount = 0
  var captures: [Capture] = []
  /// Where each parameter lives (a slot, or a cell when closures capture it).
  var parameterRefs: [VariableRef] = []
  @exclusivity(unchecked) var body: Node! {
    didSet { bodyRef = Unmanaged.passUnretained(body) }
  }
  /// The body again, unretained: the proto holds it, and a call should not pay a retain.
  @exclusivity(unchecked) private(set) var bodyRef: Unmanaged<Node> = Unmanaged.passUnretained(Node.placeholder)
  /// The body compiled to register instructions (`Compiler`), or nil when it cannot be. Set
  /// once, at parse time.
  private(set) var code: Code?
  /// The code a call from Swift runs (`run`: the tree's calls, builtins calling back), or nil
  /// when the tree-walker runs the body there: a body with a loop or a call of its own, where
  /// the dispatch loop wins (`Compiler.entersCompiled`). Unretained: `code` holds it, and a call
  /// should not pay a retain.
  @exclusivity(unchecked) private(set) var codeRef: Unmanaged<Code>?
  /// The code a call from compiled code runs in the caller's own dispatch loop (`execute`'s
  /// in-loop calls): every compiled body whose locals no closure captures, loop-free ones
  /// included. nil: such calls go through `callClosure`.
  @exclusivity(unchecked) private(set) var inLoopRef: Unmanaged<Code>?

  /// Compiles the body when it can (after the resolver has laid out the slots). A body entered
  /// compiled from Swift reserves its temporaries too (`localCount`); one the tree runs there
  /// keeps the resolver's count, its temporaries reserved only by in-loop calls (`frameSize`).
  func compile() {
    guard let c = Compiler.compile(self) else { return }
    code = c
    if cellCount == 0 { inLoopRef = Unmanaged.passUnretained(c) }
    if Compiler.entersCompiled(body) {
      codeRef = Unmanaged.passUnretained(c)
      localCount = c.frameSize
    }
  }
  let location: Location
  /// The `#` comment lines just above a named `fn`, shown by `help(f)`.
  var doc: String

  init(name: String, parameters: [String], defaults: [Node?], location: Location, doc: String) {
    self.name = name
    self.parameters = parameters
    self.parameterCount = parameters.count
    self.defaults = defaults
    self.location = location
    self.doc = doc
  }

  /// A closure can outlive the program it was written in, so its body may be the last
  /// reference to a deep tree: released here without recursion (see `SyntaxTeardown`).
  deinit {
    var roots = defaults.compactMap { $0 }
    defaults = []
    if let b = body { roots.append(b) }
    bodyRef = Unmanaged.passUnretained(Node.placeholder)
    body = Node.placeholder
    SyntaxTeardown.release(&roots)
  }

  /// `name(a, b: 2)`.
  var signature: String {
    let ps = zip(parameters, defaults).map { p, d in
      d.map { "\(p): \(FunctionProto.sourceText(of: $0))" } ?? p
    }
    return "\(name)(\(ps.joined(separator: ", ")))"
  }

  static func sourceText(of node: Node) -> String {
    if let l = node as? Literal { return l.value.shortDescription }
    return "..."
  }
}

/// `fn(x) { ... }` or `fn name(x) { ... }`: makes a closure over the current environment.
final class FunctionLiteral: Node {
  override var children: [Node] { proto.defaults.compactMap { $0 } + (proto.body.map { [$0] } ?? []) }
  let proto: FunctionProto
  init(_ at: Location, _ proto: FunctionProto) {
    self.proto = proto
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    .closure(Closure(proto, in: frame))
  }
}
