/// Decides, while parsing, where each name lives: a slot of the current call's frame, a cell
/// (a captured local), an upvalue (a cell of an enclosing call, reached through the closure),
/// or a global. Evaluation then indexes arrays instead of looking names up, which is what makes
/// the tree-walker fast.
///
/// The scope rules (docs/language.md): functions open a scope, loops and `if` do not. Inside
/// a function, `x = ...` assigns the `x` of that function or of an enclosing function when
/// one is already declared above, and otherwise declares a local; it never rebinds a global.
/// Names are known from the point they are first assigned, reading down the text.
///
/// Locals live in the frame, on the interpreter's stack, unless a nested function may capture
/// them: those get a cell each (clox's closed upvalues), so a call touches the heap only when a
/// closure can outlive it. Which names those are, the parser works out from the function's
/// text before its body (`Scope.captured`).
final class Resolver {
  final class Scope {
    /// This function's variables by name: `.local(slot)` or `.cell(index)`.
    var variables: [String: VariableRef] = [:]
    var slotCount = 0
    /// The slot of each cell: arguments land in slots, and move into their cells on entry.
    var cellSlots: [Int] = []
    /// What each upvalue of this function is in the enclosing call.
    var captures: [Capture] = []
    let parent: Scope?
    var loops = 0
    /// Names that functions nested in this one use: a local with one of these names gets a
    /// cell. A superset (an inner function's own local of the same name counts too) is harmless.
    let captured: Set<String>
    init(parent: Scope?, captured: Set<String>) {
      self.parent = parent
      self.captured = captured
    }

    func capture(_ c: Capture) -> Int {
      if let i = captures.firstIndex(of: c) { return i }
      captures.append(c)
      return captures.count - 1
    }
  }

  /// The layout of a finished function, for its `FunctionProto`.
  struct Layout {
    var slotCount: Int
    var cellSlots: [Int]
    var captures: [Capture]
  }

  let globals: Globals
  private(set) var scope: Scope?
  private var topLevelLoops = 0

  init(globals: Globals) { self.globals = globals }

  var inFunction: Bool { scope != nil }
  var inLoop: Bool { (scope?.loops ?? topLevelLoops) > 0 }

  func enterLoop() {
    if let scope { scope.loops += 1 } else { topLevelLoops += 1 }
  }
  func exitLoop() {
    if let scope { scope.loops -= 1 } else { topLevelLoops -= 1 }
  }

  func beginFunction(captured: Set<String>) { scope = Scope(parent: scope, captured: captured) }

  /// Closes the function's scope; returns the layout its calls need.
  func endFunction() -> Layout {
    let s = scope!
    scope = s.parent
    return Layout(slotCount: s.slotCount, cellSlots: s.cellSlots, captures: s.captures)
  }

  /// Declares a parameter or local in the current function; false when it already exists.
  @discardableResult
  func declare(_ name: String) -> Bool {
    guard let scope, scope.variables[name] == nil else { return false }
    let slot = scope.slotCount
    scope.slotCount += 1
    if scope.captured.contains(name) {
      scope.variables[name] = .cell(scope.cellSlots.count)
      scope.cellSlots.append(slot)
    } else {
      scope.variables[name] = .local(slot)
    }
    return true
  }

  /// Where a read of `name` goes.
  func read(_ name: String) -> VariableRef {
    guard let scope else { return .global(globals.slot(for: name)) }
    if let v = scope.variables[name] { return v }
    if let u = upvalue(name, in: scope) { return .upvalue(u) }
    return .global(globals.slot(for: name))
  }

  /// The upvalue of `scope`'s function that reaches `name` in an enclosing function, adding
  /// it (and those of the functions in between) on first use.
  private func upvalue(_ name: String, in scope: Scope) -> Int? {
    guard let parent = scope.parent else { return nil }
    if let v = parent.variables[name] {
      // `captured` was worked out from the text, so an enclosing local that a nested function
      // names always has a cell.
      guard case .cell(let c) = v else { return nil }
      return scope.capture(.cell(c))
    }
    guard let u = upvalue(name, in: parent) else { return nil }
    return scope.capture(.upvalue(u))
  }

  /// Where `name = ...` goes: an existing function-level variable, else a new local, and at
  /// the top level a global.
  func write(_ name: String) -> VariableRef {
    guard let scope else { return .global(globals.slot(for: name)) }
    let ref = read(name)
    if case .global = ref {
      declare(name)
      return scope.variables[name]!
    }
    return ref
  }

  /// Local names visible here, innermost first, for "did you mean".
  static func names(visibleFrom scope: Scope?) -> [String] {
    var names: [String] = []
    var s = scope
    while let cur = s {
      names += cur.variables.keys.sorted()
      s = cur.parent
    }
    return names
  }
}

/// What a closure's upvalue is in the call that makes the closure: one of its cells, or one of
/// its own upvalues (a variable from further out).
enum Capture: Equatable {
  case cell(Int)
  case upvalue(Int)
}
