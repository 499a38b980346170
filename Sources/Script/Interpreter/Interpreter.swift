/// Runs joule programs. One interpreter is one session: its globals persist across `run` calls
/// (the REPL and notebook cells share them).
///
///     let interp = Interpreter(registry: registry, output: StandardOutput())
///     let v = try interp.run("x = 41\nx + 1", file: "<stdin>")   // .int(42)
///
/// STUB: the language work replaces this file with the real tree-walking interpreter.
public final class Interpreter: CallContext {
  public let registry: BuiltinRegistry
  public var output: any OutputSink
  public var scriptDirectory: String?

  public init(registry: BuiltinRegistry, output: any OutputSink, scriptDirectory: String? = nil) {
    self.registry = registry
    self.output = output
    self.scriptDirectory = scriptDirectory
  }

  /// Parses and runs `source`; returns the value of its last expression statement (or nil).
  /// Throws `ScriptError` (syntax, runtime or interrupted) with positions in `file`.
  public func run(_ source: String, file: String) throws -> Value { .none }

  /// Names of the session's global variables, for `:vars` and completion.
  public var globalNames: [String] { [] }
  public func global(_ name: String) -> Value? { nil }
  /// Forgets every global (`:reset`).
  public func reset() {}

  public func call(_ function: Value, _ arguments: Arguments) throws -> Value {
    guard case .function(let f) = function else { throw ScriptError.runtime("not a function: \(function.typeName)") }
    return try f.call(arguments, context: self)
  }

  public func checkInterrupt() throws { try Interrupt.check() }
}
