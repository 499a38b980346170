import Foundation

/// Runs joule programs. One interpreter is one session: its globals persist across `run` calls
/// (the REPL and notebook cells share them).
///
///     let interp = Interpreter(registry: .core(), output: StandardOutput())
///     let v = try interp.run("x = 41\nx + 1", file: "<stdin>")   // .int(42)
///
/// Programs run on a thread with a large stack (see `BigStack`), and calls count their depth,
/// so deep recursion ends in "recursion too deep" rather than a crash.
public final class Interpreter: CallContext {
  public let registry: BuiltinRegistry
  /// `Interrupt.generation`'s counter, read around every builtin call.
  let interruptCount = Interrupt.count
  public var output: any OutputSink
  public var scriptDirectory: String?

  /// Nested user-function calls allowed before "recursion too deep".
  @exclusivity(unchecked) public var maxCallDepth = Interpreter.defaultCallDepth {
    didSet { if maxCallDepth > callRecordCapacity { growCallRecords() } }
  }
  static let defaultCallDepth = 2500
  /// When set, the number of loop iterations and calls a `run` may make before it stops
  /// with an error: a guard for untrusted or generated programs (the fuzz test uses it).
  public var stepLimit: Int?
  /// Polled at safe points (loop back-edges, calls, `sleep`) instead of the Ctrl-C flag
  /// (`Interrupt`) when set: an embedder or a test may supply its own.
  public var isInterrupted: (() -> Bool)?

  /// The embedder's own interrupt (`isInterrupted`), asked after each builtin returns: a
  /// builtin may have stopped early because of it.
  @inline(__always)
  func embedderInterrupt() -> Bool {
    guard let isInterrupted else { return false }
    return isInterrupted()
  }

  /// True when the run should stop; consumes a Ctrl-C request.
  private func interruptPending() -> Bool {
    if let isInterrupted { return isInterrupted() }
    if Interrupt.requested {
      Interrupt.clear()
      return true
    }
    return false
  }

  let globals = Globals()
  #if DEBUG
  /// Debug builds stop a second thread from entering a run in progress: the fast paths
  /// assume one thread (docs/architecture.md, "Invariants of the fast paths").
  let threadCheck = ThreadCheck()
  #endif
  // Evaluation state, touched by the tree nodes on every step. One thread runs a program, so
  // the runtime's exclusivity checks (a call per access) buy nothing here.
  @exclusivity(unchecked) var flow = Flow.normal
  @exclusivity(unchecked) var returnValue = Value.none
  @exclusivity(unchecked) var depth = 0
  /// Counts down at loop back-edges and calls; at zero the interpreter polls Ctrl-C and the
  /// step limit, so the hot path pays one decrement.
  @exclusivity(unchecked) var ticks = Interpreter.tickInterval
  @exclusivity(unchecked) var stepsLeft = Int.max
  /// The builtin call in progress, so functions it calls back report where they came from.
  var builtinCallSite: Node? {
    get { builtinSite?.takeUnretainedValue() }
    set { builtinSite = newValue.map { Unmanaged.passUnretained($0) } }
  }
  /// Unretained: the node is in the tree that is running, and is restored on the way out.
  @exclusivity(unchecked) var builtinSite: Unmanaged<Node>?
  /// True while a run is in progress (a builtin calling back needs no session of its own).
  private(set) var running = false

  static let tickInterval = 1024

  public init(registry: BuiltinRegistry, output: any OutputSink, scriptDirectory: String? = nil) {
    self.registry = registry
    self.output = output
    self.scriptDirectory = scriptDirectory
    stackEnd = stackBase + Interpreter.stackCapacity
    stackTop = stackBase
    stackValid = stackBase
  }

  /// Parses and runs `source`; returns the value of its last expression statement (or nil).
  /// Throws `ScriptError` (syntax, runtime or interrupted) with positions in `file`.
  public func run(_ source: String, file: String) throws -> Value {
    try session { try self.runNested(source, file: file) }
  }

  /// Runs a program inside a run already in progress (`source(path)`), on the same stack.
  func runNested(_ source: String, file: String) throws -> Value {
    let f = SourceFile(name: file, text: source)
    // A 200,000-term expression is a tree as deep: freed without recursion, so no other
    // reference to the program may outlive this list.
    var roots: [Node] = [try Parser.parse(f, globals: globals)]
    defer { SyntaxTeardown.release(&roots) }
    let top = Frame.topLevel(stackTop)
    do {
      let v = try roots[0].eval(top, self)
      flow = .normal
      return v
    } catch {
      flow = .normal
      throw error
    }
  }

  /// Parses and runs on the big stack with fresh per-run state; nested entries run directly.
  private func session<T>(_ body: () throws -> T) throws -> T {
    if running {
      #if DEBUG
      threadCheck.nested()
      #endif
      return try body()
    }
    return try BigStack.run {
      #if DEBUG
      self.threadCheck.enter()
      defer { self.threadCheck.leave() }
      #endif
      self.running = true
      self.depth = 0
      self.flow = .normal
      self.ticks = Interpreter.tickInterval
      self.stepsLeft = self.stepLimit ?? Int.max
      defer {
        self.running = false
        self.globals.releaseRetired()
      }
      return try body()
    }
  }

  /// Names of the session's global variables, for `:vars` and completion.
  public var globalNames: [String] { globals.definedNames }

  public func global(_ name: String) -> Value? {
    globals.index(of: name).flatMap { globals.values[$0] }
  }

  /// Sets a global, as if the program had assigned it.
  public func setGlobal(_ name: String, _ value: Value) {
    globals.set(globals.slot(for: name), value)
  }

  /// Forgets every global (`:reset`).
  public func reset() {
    globals.clear()
    // From inside a run (a host callback), a function being called may be among them.
    if !running { globals.releaseRetired() }
  }

  public func call(_ function: Value, _ arguments: Arguments) throws -> Value {
    guard let f = function.function else {
      throw ScriptError.runtime("cannot call \(function.typeName), not a function")
    }
    return try session {
      let mark = interruptCount.pointee
      let result = try f.call(arguments, context: self)
      if interruptCount.pointee != mark || embedderInterrupt(), case .builtin = function {
        throw interrupted(in: f.name, returning: result, at: builtinCallSite)
      }
      return result
    }
  }

  /// The error that stops a run after a builtin returned early because of Ctrl-C. Its message
  /// says what stopped and where (`train stopped after epoch 2/3, batch 120/157`, from the
  /// record's `stopped` field when it has one); `partial` carries what the builtin returned.
  func interrupted(in name: String, returning value: Value, at node: Node?) -> ScriptError {
    Interrupt.clear()
    var message = "interrupted in \(name)"
    if case .record(let r) = value, case .string(let when)? = r["stopped"] {
      message = "interrupted: \(name) stopped \(when)"
    }
    var e = ScriptError(.interrupted, message)
    if let node { e = node.file.error(.interrupted, message, line: node.line, column: node.column) }
    e.partial = value.isNil ? nil : value
    return e
  }

  public func checkInterrupt() throws {
    if interruptPending() { throw ScriptError.interrupted }
  }

  // MARK: - Calls

  /// The value stack: each call's slots sit above its caller's (clox's frames), so a call that
  /// no closure can outlive touches no heap. 256 Ki values (6 MiB of address space, touched as
  /// it is used) hold 2,500 nested calls of 100 locals each.
  static let stackCapacity = 1 << 18
  let stackBase: UnsafeMutablePointer<Value> = .allocate(capacity: Interpreter.stackCapacity)
  let stackEnd: UnsafeMutablePointer<Value>
  @exclusivity(unchecked) var stackTop: UnsafeMutablePointer<Value>
  /// Every slot below this has been initialized by an in-loop call (`pushCall`); above
  /// `stackTop`, those hold trivial values (`release`).
  @exclusivity(unchecked) var stackValid: UnsafeMutablePointer<Value>

  /// The joule calls in progress inside `execute`'s dispatch loops (in-loop calls), each at
  /// its caller's `depth`; room for `maxCallDepth` of them (`growCallRecords`). Plain
  /// records: nothing to initialize or destroy.
  @exclusivity(unchecked) var callRecords: UnsafeMutablePointer<CallRecord> = .allocate(capacity: Interpreter.defaultCallDepth)
  @exclusivity(unchecked) var callRecordCapacity = Interpreter.defaultCallDepth

  deinit {
    stackBase.deallocate()
    callRecords.deallocate()
  }

  /// Reserves `count` nil slots for a new call; `release` gives them back.
  @inline(__always)
  func reserve(_ count: Int, at node: Node?) throws -> UnsafeMutablePointer<Value> {
    let base = stackTop
    // Compared as addresses: a pointer difference divides by the stride.
    guard base + count <= stackEnd else { throw stackFull(at: node) }
    // Element by element: the generic bulk forms are calls into the runtime.
    for i in 0..<count { (base + i).initialize(to: .none) }
    stackTop = base + count
    return base
  }

  /// Out of line, so building the message costs the hot path nothing (not even stack space).
  @inline(never)
  func stackFull(at node: Node?) -> ScriptError {
    let message = "recursion too deep (the call stack's \(Interpreter.stackCapacity) slots are full)"
    return node.map { $0.error(message) } ?? ScriptError.runtime(message)
  }

  /// Destroys a call's slots and gives them back. A destroyed slot is left nil: every slot
  /// above `stackTop` holds a number, bool or nil (or was never written, from `stackValid` up),
  /// so an in-loop call may store into its temporaries there without initializing them first
  /// (`pushCall`).
  @inline(__always)
  func release(_ base: UnsafeMutablePointer<Value>, _ count: Int) {
    // Numbers, bools and nil need no destroying: a tag test instead of a call.
    for i in 0..<count where !base[i].isTrivial { Interpreter.clear(base + i) }
    stackTop = base
  }

  /// Destroys a slot's value, leaving nil. Out of line, so `release` stays as small as a
  /// `deinitialize` (inlined, the assignment made callers' `defer { release }` an outlined
  /// function: 18 more instructions per `map` callback).
  @inline(never)
  static func clear(_ p: UnsafeMutablePointer<Value>) {
    p.pointee = .none
  }

  /// Runs a closure's body on the frame at `slots` (arguments bound), keeping the depth count
  /// and the function trace. Makes the call's cells first, moving captured arguments into them,
  /// then evaluates the defaults of the parameters in `defaulted` (a default may use earlier
  /// parameters).
  @inline(__always)
  func invoke(_ closure: Closure, _ slots: UnsafeMutablePointer<Value>, defaulted: [Int] = [],
              callSite: Node?) throws -> Value {
    if defaulted.isEmpty && closure.proto.cellCount == 0 {
      return try invokePlain(closure, slots, callSite: callSite)
    }
    return try invokeGeneral(closure, slots, defaulted: defaulted, callSite: callSite)
  }

  /// `invoke` of a closure whose locals no closure captures, every argument given: no cells
  /// to make, no defaults to evaluate, so a smaller function (fewer registers to save).
  @inline(never)
  func invokePlain(_ closure: Closure, _ slots: UnsafeMutablePointer<Value>, callSite: Node?) throws -> Value {
    try enterPlain(closure, slots, callSite: callSite)
  }

  /// `invokePlain`'s body, for a caller that inlines it (`Call`'s fast path: one function
  /// layer less per call of a joule function).
  @inline(__always)
  func enterPlain(_ closure: Closure, _ slots: UnsafeMutablePointer<Value>, callSite: Node?) throws -> Value {
    depth += 1
    defer { depth -= 1 }
    if depth > maxCallDepth { throw tooDeep(at: callSite) }
    ticks &-= 1
    if ticks <= 0 { try checkpoint(at: callSite) }
    let frame = Frame(slots: slots, cells: nil, upvalues: closure.upvalues)
    do {
      let v = try run(closure.proto, frame)
      if flow == .returning {
        flow = .normal
        let r = returnValue
        returnValue = .none
        return r
      }
      return v
    } catch {
      throw traced(error, closure, callSite)
    }
  }

  /// A function's body: its compiled code, or the tree when it has none.
  @inline(__always)
  func run(_ proto: FunctionProto, _ frame: Frame) throws -> Value {
    if let code = proto.codeRef { return try code._withUnsafeGuaranteedRef { try execute($0, frame) } }
    return try proto.bodyRef._withUnsafeGuaranteedRef { try $0.eval(frame, self) }
  }

  /// A runtime error leaving `closure`'s call gets the call's line in its trace.
  @inline(never)
  func traced(_ error: Error, _ closure: Closure, _ callSite: Node?) -> Error {
    guard var e = error as? ScriptError else { return error }
    flow = .normal
    if e.kind == .runtime, let site = callSite {
      e.trace.append((function: closure.name, position: site.position))
    }
    return e
  }

  @inline(never)
  func invokeGeneral(_ closure: Closure, _ slots: UnsafeMutablePointer<Value>, defaulted: [Int],
                     callSite: Node?) throws -> Value {
    depth += 1
    defer { depth -= 1 }
    if depth > maxCallDepth { throw tooDeep(at: callSite) }
    ticks &-= 1
    if ticks <= 0 { try checkpoint(at: callSite) }
    unowned(unsafe) let proto = closure.proto
    let cellCount = proto.cellCount
    var cells: UnsafeMutablePointer<Cell>?
    if cellCount > 0 {
      let c = UnsafeMutablePointer<Cell>.allocate(capacity: cellCount)
      for (i, s) in proto.cellSlots.enumerated() {
        (c + i).initialize(to: Cell(slots[s]))
        slots[s] = .none
      }
      cells = c
    }
    defer {
      if let cells {
        cells.deinitialize(count: cellCount)
        cells.deallocate()
      }
    }
    let frame = Frame(slots: slots, cells: cells, upvalues: closure.upvalues)
    if !defaulted.isEmpty {
      for i in defaulted {
        proto.parameterRefs[i].store(try proto.defaults[i]!.eval(frame, self), frame, self)
      }
    }
    do {
      let v = try run(proto, frame)
      if flow == .returning {
        flow = .normal
        let r = returnValue
        returnValue = .none
        return r
      }
      return v
    } catch {
      throw traced(error, closure, callSite)
    }
  }

  @inline(never)
  func tooDeep(at callSite: Node?) -> ScriptError {
    let message = "recursion too deep (more than \(maxCallDepth) nested calls)"
    return callSite.map { $0.error(message) } ?? ScriptError.runtime(message)
  }

  /// `function(x)` for the core builtins that call back once per element (`map`, `filter`,
  /// `sort(by:)`): a closure taking one parameter gets `x` straight into its frame, with no
  /// `Arguments` list made for it.
  func call(_ function: Value, with x: Value) throws -> Value {
    // Inside a run (a builtin calling back), as always from `map`: no session to open.
    if running, let c = function.unretainedClosure,
       let r = try c._withUnsafeGuaranteedRef({ try callOne($0, x) }) {
      return r
    }
    return try callOutsideRun(function, with: x)
  }

  /// `call(_:with:)` from the host, outside any run, or of a builtin or a closure of other arity.
  @inline(never)
  private func callOutsideRun(_ function: Value, with x: Value) throws -> Value {
    if let c = function.unretainedClosure,
       let r = try session({ try c._withUnsafeGuaranteedRef { try callOne($0, x) } }) {
      return r
    }
    return try call(function, Arguments([x]))
  }

  /// `closure(x)` when it takes one parameter, else nil.
  @inline(__always)
  private func callOne(_ closure: Closure, _ x: Value) throws -> Value? {
    guard closure.proto.parameterCount == 1 else { return nil }
    guard let site = builtinSite else { return try callOne(closure, x, site: nil) }
    if let code = closure.proto.codeRef, closure.proto.cellCount == 0 {
      // Compiled, no cells: straight into its code, as a compiled caller's call does.
      let count = closure.proto.localCount
      // `reserve`, with `x` put in as the slots are filled (the site is read only for an error).
      let slots = stackTop
      guard slots + count <= stackEnd else { throw stackFull(at: site.takeUnretainedValue()) }
      slots.initialize(to: x)
      var i = 1
      while i < count { (slots + i).initialize(to: .none); i &+= 1 }
      stackTop = slots + count
      defer { release(slots, count) }
      return try code._withUnsafeGuaranteedRef { try enterCompiled(closure, $0, slots, site: site) }
    }
    return try site._withUnsafeGuaranteedRef { try callOne(closure, x, site: $0) }
  }

  @inline(__always)
  private func callOne(_ closure: Closure, _ x: Value, site: Node?) throws -> Value {
    let count = closure.proto.localCount
    let slots = try reserve(count, at: site)
    defer { release(slots, count) }
    slots.initialize(to: x)  // over the nil `reserve` put there
    return try invoke(closure, slots, callSite: site)
  }

  /// A closure called from a builtin (or from the host) with raw arguments.
  func callClosure(_ closure: Closure, _ arguments: Arguments) throws -> Value {
    try session {
      let site = builtinCallSite
      let count = closure.proto.localCount
      let slots = try reserve(count, at: site)
      defer { release(slots, count) }
      let defaulted: [Int]
      do { defaulted = try closure.bind(arguments, into: slots) } catch { throw site?.located(error) ?? error }
      return try invoke(closure, slots, defaulted: defaulted, callSite: site)
    }
  }

  /// The slow part of a tick: Ctrl-C and the step limit.
  func checkpoint(at node: Node?) throws {
    stepsLeft -= Interpreter.tickInterval - ticks
    ticks = Interpreter.tickInterval
    if interruptPending() {
      var e = ScriptError.interrupted
      if let node { e.position = node.position; e.sourceLine = node.file.line(node.line) }
      throw e
    }
    if stepsLeft <= 0 {
      throw node?.error("step limit reached (\(stepLimit ?? 0) steps)") ?? .runtime("step limit reached")
    }
    if stepsLeft < Interpreter.tickInterval { ticks = max(1, stepsLeft) }
  }
}
