/// Something the language can call: a user function, a closure, or a builtin.
///
/// Only `Closure` and `Builtin` conform: a value holds one of the two (`Value.closure`,
/// `Value.builtin`), and a host function enters the language as a `Builtin`.
public protocol Callable: AnyObject {
  var name: String { get }
  /// Calls with raw arguments. Builtins bind them against their parameters first.
  func call(_ arguments: Arguments, context: any CallContext) throws -> Value
}

/// Arguments as written at a call site: `f(a, b, lr: 0.1)`.
public struct Arguments {
  public var positional: [Value]
  public var keywords: [(String, Value)]
  public init(_ positional: [Value] = [], keywords: [(String, Value)] = []) {
    self.positional = positional
    self.keywords = keywords
  }
}

/// What a builtin may ask of the interpreter that called it.
public protocol CallContext: AnyObject {
  /// Calls a language function (or builtin) value, e.g. the function passed to `map` or `tune`.
  func call(_ function: Value, _ arguments: Arguments) throws -> Value
  /// Where `print` and `show` go: the terminal, or the notebook cell being run.
  var output: any OutputSink { get }
  /// The folder of the script or notebook being run (nil at the prompt: use the working directory).
  var scriptDirectory: String? { get }
  /// Throws `ScriptError.interrupted` when the user pressed Ctrl-C. Call at safe points.
  func checkInterrupt() throws
}

/// Receives program output: plain text from `print`, and values from `show`.
public protocol OutputSink: AnyObject {
  func write(_ text: String)
  /// Rich display of a value: a figure, a table, or text (as Jupyter's `display`).
  func display(_ value: Value)
  /// A figure a builtin has just made (`plot`, `boxplot`, ...). Notebooks, the kernel and the
  /// prompt show each one as it is made, as Jupyter shows every figure a cell draws; a
  /// script's output, and this default, ignore it.
  func figureMade(_ value: Value)
}

extension OutputSink {
  public func figureMade(_ value: Value) {}
}
