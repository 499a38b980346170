/// `f(a, b, lr: 0.1)`, and `x |> f(a)` which the parser turns into `f(x, a)`.
///
/// User functions with exactly their positional arguments take a fast path that evaluates
/// straight into the new call's slots.
final class Call: Node {
  let callee: Node
  let arguments: [Node]
  let keywords: [(String, Node)]

  /// The positional arguments again, unretained, for the fast path: reading them from the
  /// array would retain and release each node on every call.
  private let fastArguments: UnsafeMutableBufferPointer<Unmanaged<Node>>
  private let positionalOnly: Bool

  init(_ at: Location, _ callee: Node, _ arguments: [Node], _ keywords: [(String, Node)]) {
    self.callee = callee
    self.arguments = arguments
    self.keywords = keywords
    positionalOnly = keywords.isEmpty
    fastArguments = .allocate(capacity: arguments.count)
    _ = fastArguments.initialize(from: arguments.map { Unmanaged.passUnretained($0) })
    super.init(at)
  }

  deinit { fastArguments.deallocate() }

  /// The same call with `first` prepended: the pipe.
  func prepending(_ first: Node) -> Call {
    Call(location, callee, [first] + arguments, keywords)
  }

  private func evalArguments(_ env: Environment, _ it: Interpreter) throws -> Arguments {
    var a = Arguments()
    a.positional.reserveCapacity(arguments.count)
    for n in arguments { a.positional.append(try n.eval(env, it)) }
    for (k, n) in keywords { a.keywords.append((k, try n.eval(env, it))) }
    return a
  }

  override func eval(_ env: Environment, _ it: Interpreter) throws -> Value {
    let f = try callee.eval(env, it)
    guard case .function(let c) = f else {
      let what = (callee as? VariableGet).map { "'\($0.name)' is \(f.typeName)" } ?? "\(f.typeName) value is"
      throw error("\(what), not a function")
    }
    if let closure = c as? Closure {
      // `closure` holds its proto for the whole call: no need to retain it again.
      unowned(unsafe) let proto = closure.proto
      var newEnv: Environment
      if positionalOnly && fastArguments.count == proto.parameterCount {
        newEnv = it.environment(count: proto.localCount, parent: closure.env)
        for i in 0..<fastArguments.count {
          newEnv[i] = try fastArguments[i]._withUnsafeGuaranteedRef { try $0.eval(env, it) }
        }
      } else {
        let a = try evalArguments(env, it)
        do { newEnv = try closure.bind(a, it) } catch { throw located(error) }
      }
      let result = try it.invoke(closure, newEnv, callSite: self)
      // No closure kept the call's variables: its environment can serve the next call.
      if isKnownUniquelyReferenced(&newEnv) { it.recycle(newEnv) }
      return result
    }
    let a = try evalArguments(env, it)
    let saved = it.builtinCallSite
    it.builtinCallSite = self
    defer { it.builtinCallSite = saved }
    do {
      return try c.call(a, context: it)
    } catch {
      throw located(error)
    }
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
  @exclusivity(unchecked) var body: Node!
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
  let proto: FunctionProto
  init(_ at: Location, _ proto: FunctionProto) {
    self.proto = proto
    super.init(at)
  }
  override func eval(_ env: Environment, _ it: Interpreter) throws -> Value {
    .function(Closure(proto, env))
  }
}
