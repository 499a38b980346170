/// Decides, while parsing, where each name lives: a slot of the current function, a slot of
/// an enclosing function (`depth` calls out), or a global. Evaluation then indexes arrays
/// instead of looking names up, which is what makes the tree-walker fast.
///
/// The scope rules (docs/language.md): functions open a scope, loops and `if` do not. Inside
/// a function, `x = ...` assigns the `x` of that function or of an enclosing function when
/// one is already declared above, and otherwise declares a local; it never rebinds a global.
/// Names are known from the point they are first assigned, reading down the text.
final class Resolver {
  final class Scope {
    var slots: [String: Int] = [:]
    var count = 0
    let parent: Scope?
    var loops = 0
    init(parent: Scope?) { self.parent = parent }
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

  func beginFunction() { scope = Scope(parent: scope) }

  /// Closes the function's scope; returns how many slots its calls need.
  func endFunction() -> Int {
    let n = scope!.count
    scope = scope!.parent
    return n
  }

  /// Declares a parameter or local in the current function; false when it already exists.
  @discardableResult
  func declare(_ name: String) -> Bool {
    guard let scope, scope.slots[name] == nil else { return false }
    scope.slots[name] = scope.count
    scope.count += 1
    return true
  }

  /// Where a read of `name` goes.
  func read(_ name: String) -> VariableRef {
    var s = scope, depth = 0
    while let cur = s {
      if let slot = cur.slots[name] {
        return depth == 0 ? .local(slot) : .upvalue(depth: depth, slot: slot)
      }
      s = cur.parent
      depth += 1
    }
    return .global(globals.slot(for: name))
  }

  /// Where `name = ...` goes: an existing function-level variable, else a new local, and at
  /// the top level a global.
  func write(_ name: String) -> VariableRef {
    guard scope != nil else { return .global(globals.slot(for: name)) }
    if case let ref = read(name), !isGlobal(ref) { return ref }
    declare(name)
    return .local(scope!.slots[name]!)
  }

  private func isGlobal(_ ref: VariableRef) -> Bool {
    if case .global = ref { return true }
    return false
  }

  /// Local names visible here, innermost first, for "did you mean".
  static func names(visibleFrom scope: Scope?) -> [String] {
    var names: [String] = []
    var s = scope
    while let cur = s {
      names += cur.slots.keys.sorted()
      s = cur.parent
    }
    return names
  }
}
