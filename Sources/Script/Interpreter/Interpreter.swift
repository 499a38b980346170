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
  public var output: any OutputSink
  public var scriptDirectory: String?

  /// Nested user-function calls allowed before "recursion too deep".
  @exclusivity(unchecked) public var maxCallDepth = 2500
  /// When set, the number of loop iterations and calls a `run` may make before it stops
  /// with an error: a guard for untrusted or generated programs (the fuzz test uses it).
  public var stepLimit: Int?
  /// Polled at safe points (loop back-edges, calls, `sleep`) instead of the Ctrl-C flag
  /// (`Interrupt`) when set: an embedder or a test may supply its own.
  public var isInterrupted: (() -> Bool)?

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
  @exclusivity(unchecked) var builtinCallSite: Node?
  private var running = false

  static let tickInterval = 1024

  public init(registry: BuiltinRegistry, output: any OutputSink, scriptDirectory: String? = nil) {
    self.registry = registry
    self.output = output
    self.scriptDirectory = scriptDirectory
  }

  /// Parses and runs `source`; returns the value of its last expression statement (or nil).
  /// Throws `ScriptError` (syntax, runtime or interrupted) with positions in `file`.
  public func run(_ source: String, file: String) throws -> Value {
    try session { try self.runNested(source, file: file) }
  }

  /// Runs a program inside a run already in progress (`source(path)`), on the same stack.
  func runNested(_ source: String, file: String) throws -> Value {
    let f = SourceFile(name: file, text: source)
    let program = try Parser.parse(f, globals: globals)
    let top = Environment.make(count: 0, parent: nil)
    do {
      let v = try program.eval(top, self)
      flow = .normal
      return v
    } catch {
      flow = .normal
      throw error
    }
  }

  /// Parses and runs on the big stack with fresh per-run state; nested entries run directly.
  private func session<T>(_ body: () throws -> T) throws -> T {
    if running { return try body() }
    return try BigStack.run {
      self.running = true
      self.depth = 0
      self.flow = .normal
      self.ticks = Interpreter.tickInterval
      self.stepsLeft = self.stepLimit ?? Int.max
      defer { self.running = false }
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
    globals.values[globals.slot(for: name)] = value
  }

  /// Forgets every global (`:reset`).
  public func reset() { globals.clear() }

  public func call(_ function: Value, _ arguments: Arguments) throws -> Value {
    guard case .function(let f) = function else {
      throw ScriptError.runtime("cannot call \(function.typeName), not a function")
    }
    return try session { try f.call(arguments, context: self) }
  }

  public func checkInterrupt() throws {
    if interruptPending() { throw ScriptError.interrupted }
  }

  // MARK: - Calls

  /// Environments of finished calls, reused to spare an allocation per call: one free list
  /// per slot count, linked through their `parent` field.
  private let freeLists: UnsafeMutablePointer<Environment?> = {
    let p = UnsafeMutablePointer<Environment?>.allocate(capacity: Interpreter.pooledSlots + 1)
    p.initialize(repeating: nil, count: Interpreter.pooledSlots + 1)
    return p
  }()
  private static let pooledSlots = 8

  deinit {
    // Unlink one by one: releasing a long list at once would recurse once per element.
    for i in 0...Interpreter.pooledSlots {
      while let e = freeLists[i] {
        freeLists[i] = e.relink(nil)
      }
    }
    freeLists.deinitialize(count: Interpreter.pooledSlots + 1)
    freeLists.deallocate()
  }

  @inline(__always)
  func environment(count: Int, parent: Environment?) -> Environment {
    if count <= Interpreter.pooledSlots, let env = freeLists[count] {
      freeLists[count] = env.relink(parent)
      return env
    }
    return Environment.make(count: count, parent: parent)
  }

  @inline(__always)
  func recycle(_ env: Environment) {
    let count = env.count
    guard count <= Interpreter.pooledSlots else { return }
    env.clear()
    _ = env.relink(freeLists[count])
    freeLists[count] = env
  }

  /// Runs a closure's body in `env`, keeping the depth count and the function trace.
  func invoke(_ closure: Closure, _ env: Environment, callSite: Node?) throws -> Value {
    depth += 1
    defer { depth -= 1 }
    if depth > maxCallDepth {
      let message = "recursion too deep (more than \(maxCallDepth) nested calls)"
      throw callSite.map { $0.error(message) } ?? ScriptError.runtime(message)
    }
    ticks &-= 1
    if ticks <= 0 { try checkpoint(at: callSite) }
    do {
      let v = try closure.proto.body.eval(env, self)
      if flow == .returning {
        flow = .normal
        let r = returnValue
        returnValue = .none
        return r
      }
      return v
    } catch var e as ScriptError {
      flow = .normal
      if e.kind == .runtime, let site = callSite {
        e.trace.append((function: closure.name, position: site.position))
      }
      throw e
    }
  }

  /// A closure called from a builtin (or from the host) with raw arguments.
  func callClosure(_ closure: Closure, _ arguments: Arguments) throws -> Value {
    try session {
      let site = builtinCallSite
      let env: Environment
      do { env = try closure.bind(arguments, self) } catch { throw site?.located(error) ?? error }
      return try invoke(closure, env, callSite: site)
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
