import Foundation

/// A node of the executable syntax tree: it knows where it came from and how to evaluate.
///
///     let v = try node.eval(frame, interpreter)
///
/// Every construct is an expression (statements yield nil), so a block's value is its last
/// statement's. Variables are resolved to slots while parsing (see `Resolver`), and each
/// subclass evaluates itself: a virtual call per node is what keeps the tree-walker quick.
class Node {
  let file: SourceFile
  let line: Int
  let column: Int

  init(_ at: Location) {
    self.file = at.file
    self.line = at.line
    self.column = at.column
  }

  var location: Location { Location(file: file, line: line, column: column) }

  /// Stands in where a node is required before the real one exists (a function's body while
  /// it is being parsed).
  static let placeholder = Node(Location(file: SourceFile(name: "", text: ""), line: 0, column: 0))
  var position: SourcePosition { file.position(line: line, column: column) }

  /// The nodes this one holds, for `SyntaxTeardown`; a leaf holds none.
  var children: [Node] { [] }

  func eval(_ frame: Frame, _ it: Interpreter) throws -> Value {
    fatalError("eval not implemented for \(type(of: self))")
  }

  /// Runs the node as a statement whose value nobody reads (all but the last of a block, a
  /// loop's body): nodes that make no value override it and skip making and dropping one.
  func exec(_ frame: Frame, _ it: Interpreter) throws {
    _ = try eval(frame, it)
  }

  /// The value as a condition (`if`, `while`, `and`, `or`, `not`): its truth. Comparisons
  /// answer directly, without making a bool value first.
  func test(_ frame: Frame, _ it: Interpreter) throws -> Bool {
    try eval(frame, it).isTruthy
  }

  /// The value, or nil when it is absent: what `??` asks of its left side. Reads (`xs[i]`,
  /// `r.key`) answer nil for a missing key, field or index, and for a nil part-way along
  /// their path; everything else just evaluates.
  func evalIfPresent(_ frame: Frame, _ it: Interpreter) throws -> Value? {
    try eval(frame, it)
  }

  /// A runtime error at this node.
  final func error(_ message: String) -> ScriptError {
    file.error(.runtime, message, line: line, column: column)
  }

  /// Gives an error from a helper or builtin this node's position when it has none yet.
  final func located(_ error: Error) -> ScriptError {
    var e: ScriptError
    if let se = error as? ScriptError {
      e = se
    } else {
      e = ScriptError(.runtime, Node.describe(error))
    }
    if e.position == nil {
      e.position = position
      e.sourceLine = file.line(line)
    }
    return e
  }

  /// The message of a foreign Swift error: its description, as the contract promises.
  static func describe(_ error: Error) -> String {
    if let l = error as? LocalizedError, let d = l.errorDescription { return d }
    return String(describing: error)
  }
}

/// Where a node starts.
struct Location {
  let file: SourceFile
  let line: Int
  let column: Int
}

/// How control leaves a statement: normally, or unwinding for `break`, `continue`, `return`.
/// Kept in the interpreter and checked after each statement, which costs far less than
/// throwing for ordinary control flow.
enum Flow: UInt8 {
  case normal, breaking, continuing, returning
}
