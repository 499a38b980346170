/// A user function value: its declaration and the environment it was made in.
///
///     fn scale(x, by: 2) { x * by }
///     scale(3, by: 10)   # 30
public final class Closure: Callable {
  let proto: FunctionProto
  let env: Environment

  init(_ proto: FunctionProto, _ env: Environment) {
    self.proto = proto
    self.env = env
  }

  public var name: String { proto.name }
  public var signature: String { proto.signature }
  public var doc: String { proto.doc }
  public var parameterNames: [String] { proto.parameters }

  /// Called from a builtin (`map`, `tune`, ...) through its `CallContext`.
  public func call(_ arguments: Arguments, context: any CallContext) throws -> Value {
    guard let it = context as? Interpreter else {
      throw ScriptError.runtime("\(name): a joule function can only run inside its interpreter")
    }
    return try it.callClosure(self, arguments)
  }

  /// Matches arguments to parameters and fills defaults, in a fresh environment.
  func bind(_ arguments: Arguments, _ it: Interpreter) throws -> Environment {
    let ps = proto.parameters
    guard arguments.positional.count <= ps.count else {
      throw ScriptError.runtime(
        "\(name): takes \(ps.count) argument\(ps.count == 1 ? "" : "s"), got \(arguments.positional.count)")
    }
    let env = Environment.make(count: proto.localCount, parent: self.env)
    var given = [Bool](repeating: false, count: ps.count)
    for (i, v) in arguments.positional.enumerated() {
      env[i] = v
      given[i] = true
    }
    for (k, v) in arguments.keywords {
      guard let i = ps.firstIndex(of: k) else {
        let hint = Suggestion.closest(to: k, among: ps).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("\(name): unknown keyword '\(k)'\(hint)")
      }
      if given[i] { throw ScriptError.runtime("\(name): '\(k)' given twice") }
      env[i] = v
      given[i] = true
    }
    for i in ps.indices where !given[i] {
      guard let d = proto.defaults[i] else {
        throw ScriptError.runtime("\(name): missing argument '\(ps[i])'")
      }
      // Defaults run inside the call, so they may use earlier parameters.
      env[i] = try d.eval(env, it)
    }
    return env
  }
}
