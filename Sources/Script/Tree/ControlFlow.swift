/// `{ statements }`: its value is the last statement's. Stops early while `break`,
/// `continue` or `return` unwinds.
final class Block: Node {
  override var children: [Node] { statements }
  let statements: [Node]
  /// The statements again, unretained: iterating the array retains and releases the array and
  /// each node, atomically, on every pass (half the time of a `while` loop, measured by perf).
  private let fast: UnsafeMutableBufferPointer<Unmanaged<Node>>
  init(_ at: Location, _ statements: [Node]) {
    self.statements = statements
    fast = .allocate(capacity: statements.count)
    _ = fast.initialize(from: statements.map { Unmanaged.passUnretained($0) })
    super.init(at)
  }
  deinit { fast.deallocate() }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let n = fast.count
    guard n > 0 else { return .none }
    // Only the last statement's value is kept. While `break`, `continue` or `return` unwinds,
    // the block's value is never read (loops drop it, a call takes `returnValue`, and the
    // parser allows none of them outside a loop or function).
    for i in 0..<(n - 1) {
      try fast[i]._withUnsafeGuaranteedRef { try $0.exec(frame, it) }
      if it.flow != .normal { return .none }
    }
    return try fast[n - 1]._withUnsafeGuaranteedRef { try $0.eval(frame, it) }
  }
  override func exec(_ frame: Frame, _ it: Interpreter) throws {
    for i in 0..<fast.count {
      try fast[i]._withUnsafeGuaranteedRef { try $0.exec(frame, it) }
      if it.flow != .normal { return }
    }
  }
}

/// `if c { } else if d { } else { }`: an expression, valued by the branch taken.
final class If: Node {
  override var children: [Node] { [condition, then] + (otherwise.map { [$0] } ?? []) }
  let condition: Node
  let then: Node
  let otherwise: Node?
  init(_ at: Location, _ condition: Node, _ then: Node, _ otherwise: Node?) {
    self.condition = condition
    self.then = then
    self.otherwise = otherwise
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    if try condition.test(frame, it) { return try then.eval(frame, it) }
    return try otherwise?.eval(frame, it) ?? .none
  }
  override func exec(_ frame: Frame, _ it: Interpreter) throws {
    if try condition.test(frame, it) { return try then.exec(frame, it) }
    try otherwise?.exec(frame, it)
  }
}

final class While: Node {
  override var children: [Node] { [condition, body] }
  let condition: Node
  let body: Node
  init(_ at: Location, _ condition: Node, _ body: Node) {
    self.condition = condition
    self.body = body
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    while try condition.test(frame, it) {
      try body.exec(frame, it)
      if it.flow != .normal {
        if it.flow == .returning { return .none }
        let stop = it.flow == .breaking
        it.flow = .normal
        if stop { break }
      }
      it.ticks &-= 1
      if it.ticks <= 0 { try it.checkpoint(at: self) }
    }
    return .none
  }
}

/// `for x in xs { }` over a list, a string's characters, a record's keys, or `range(...)`,
/// which it counts through without building the list.
final class ForIn: Node {
  override var children: [Node] { [iterable, body] + (rangeCall.map { [$0] } ?? []) }
  let target: VariableRef
  let iterable: Node
  let body: Node
  /// Set when `iterable` is written as a call of a global named `range`.
  let rangeCall: Call?

  init(_ at: Location, _ target: VariableRef, _ iterable: Node, _ body: Node) {
    self.target = target
    self.iterable = iterable
    self.body = body
    if let c = iterable as? Call, let g = c.callee as? GlobalGet, g.name == "range",
       c.keywords.isEmpty, (1...3).contains(c.arguments.count) {
      rangeCall = c
    } else {
      rangeCall = nil
    }
    super.init(at)
  }

  /// Runs the body once; false when the loop must stop.
  @inline(__always)
  private func step(_ v: Value, _ frame: Frame, _ it: Interpreter) throws -> Bool {
    switch target {
    case .local(let s): frame.slots[s] = v
    case .global(let g): it.globals.set(g, v)
    default: target.store(v, frame, it)
    }
    try body.exec(frame, it)
    if it.flow != .normal {
      if it.flow == .returning { return false }
      let stop = it.flow == .breaking
      it.flow = .normal
      if stop { return false }
    }
    it.ticks &-= 1
    if it.ticks <= 0 { try it.checkpoint(at: self) }
    return true
  }

  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    if let rc = rangeCall, case .builtin(let f) = try rc.callee.eval(frame, it), f === CoreBuiltins.range {
      var bounds: [Int] = []
      for a in rc.arguments {
        let v = try a.eval(frame, it)
        guard case .int(let i) = v else { throw rc.error("range: bounds must be integers, got \(v.typeName)") }
        bounds.append(i)
      }
      let (start, end, by) = bounds.count == 1 ? (0, bounds[0], 1)
        : (bounds[0], bounds[1], bounds.count == 3 ? bounds[2] : 1)
      if by == 0 { throw rc.error("range: step must not be zero") }
      var i = start
      while by > 0 ? i < end : i > end {
        guard try step(.int(i), frame, it) else { break }
        let (n, o) = i.addingReportingOverflow(by)
        if o { break }
        i = n
      }
      return .none
    }
    let seq = try iterable.eval(frame, it)
    switch seq {
    case .list(let l):
      for v in l { guard try step(v, frame, it) else { break } }
    case .string(let s):
      for c in s { guard try step(.string(String(c)), frame, it) else { break } }
    case .record(let r):
      for k in r.keys { guard try step(.string(k), frame, it) else { break } }
    case .host where seq.rowList != nil:
      guard case .list(let l)? = seq.rowList else { break }
      for v in l { guard try step(v, frame, it) else { break } }
    default:
      throw iterable.error("cannot loop over \(seq.typeName)")
    }
    return .none
  }
}

final class Return: Node {
  override var children: [Node] { value.map { [$0] } ?? [] }
  let value: Node?
  init(_ at: Location, _ value: Node?) {
    self.value = value
    super.init(at)
  }
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    let v = try value?.eval(frame, it) ?? .none
    it.returnValue = v
    it.flow = .returning
    return v
  }
}

final class Break: Node {
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    it.flow = .breaking
    return .none
  }
}

final class Continue: Node {
  override func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    it.flow = .continuing
    return .none
  }
}
