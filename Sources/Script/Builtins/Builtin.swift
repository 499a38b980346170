/// A function the host provides to the language, declared once with its parameters and doc.
///
///     registry.register(Builtin("kwh", [Parameter("joules", .number)],
///                               doc: "Kilowatt-hours in a number of joules.") { args, _ in
///       .float(try args.double("joules") / 3.6e6)
///     })
///
/// The declaration drives argument checking, `help(name)` and completion.
public final class Builtin: Callable {
  public let name: String
  public let parameters: [Parameter]
  public let doc: String
  /// Family shown by `help()`: "core", "training", "energy", "tuning", "plots".
  public let family: String
  public let body: (BoundArguments, any CallContext) throws -> Value
  /// Keywords users bring from other tools' habits, with where the setting lives here:
  /// `train(..., lr: 0.01)` says "lr: the learning rate is the optimizer's: optimizer: adam(lr: 0.01)".
  public var keywordHints: [String: String] = [:]
  /// How arguments bind, planned once here rather than on every call.
  let plan: BindingPlan
  /// For the core builtins of one number (`sqrt`, `exp`, `abs`): call sites with exactly one
  /// positional argument compute them directly and skip binding altogether.
  var math: UnaryMath?
  /// For the core builtins that iterate their first argument (`map`, `filter`, `reduce`): the
  /// body to run when a call site passes `range(...)` itself there, given the integers instead
  /// of a list (`bound`'s first argument is then an empty list, never read).
  var overRange: ((StrideTo<Int>, BoundArguments, any CallContext) throws -> Value)?

  public init(_ name: String, _ parameters: [Parameter] = [], family: String = "core",
              doc: String, body: @escaping (BoundArguments, any CallContext) throws -> Value) {
    self.name = name
    self.parameters = parameters
    self.doc = doc
    self.family = family
    self.body = body
    self.plan = BindingPlan(parameters)
  }

  public func call(_ arguments: Arguments, context: any CallContext) throws -> Value {
    try body(try bind(arguments), context)
  }

  /// The fast path for a call site that passes positional arguments only: `argument(i)`
  /// evaluates the i-th straight into its parameter's place. Returns nil, having evaluated
  /// nothing, when the arguments need the general binding (more than the normal parameters).
  @inline(__always)
  func callPositional(_ count: Int, _ context: any CallContext, _ argument: (Int) throws -> Value) throws -> Value? {
    guard let bound = try bindPositional(count, argument) else { return nil }
    return try body(bound, context)
  }

  /// Binds positional arguments as `callPositional` does, without calling the body; nil (having
  /// evaluated nothing) when they need the general binding.
  @inline(__always)
  func bindPositional(_ count: Int, _ argument: (Int) throws -> Value) throws -> BoundArguments? {
    let plan = self.plan
    guard count <= plan.positionalLimit else { return nil }
    var slots = ArgumentSlots(count: plan.names.count)
    for i in 0..<count { slots[i] = try argument(i) }
    try plan.complete(&slots, builtin: name)
    return BoundArguments(function: name, plan: plan, slots: slots, rest: [], extraKeywords: Record())
  }

  /// `name(a, b: 2, ...)`, as `help` shows it.
  public var signature: String {
    let ps = parameters.map { p -> String in
      switch p.kind {
      case .variadic: return "\(p.name)..."
      case .keywords: return "\(p.name): ..."
      case .normal:
        if let d = p.defaultValue { return "\(p.name): \(d.shortDescription)" }
        return p.name
      }
    }
    return "\(name)(\(ps.joined(separator: ", ")))"
  }

  /// Matches call-site arguments to parameters, fills defaults and checks types. The plan is
  /// made at registration; a call with positional arguments only fills an array.
  public func bind(_ arguments: Arguments) throws -> BoundArguments {
    let plan = self.plan
    let positional = arguments.positional
    var slots = ArgumentSlots(count: plan.names.count)
    let byPosition = min(positional.count, plan.positionalLimit)
    for i in 0..<byPosition { slots[i] = positional[i] }
    var rest: [Value] = []
    if positional.count > byPosition {
      guard plan.variadic != nil else {
        let n = plan.positionalLimit
        let keywordOnly = plan.normal.filter(\.keywordOnly).map(\.name)
        let note = keywordOnly.isEmpty ? ""
          : " (\(plan.names.prefix(n).joined(separator: ", ")); \(keywordOnly.joined(separator: ", ")) only by keyword, e.g. \(keywordOnly[0]): ...)"
        throw ScriptError.runtime(
          "\(name): takes at most \(n) positional argument\(n == 1 ? "" : "s"), got \(positional.count)\(note)")
      }
      rest = Array(positional[byPosition...])
    }
    var extra = Record()
    for (key, v) in arguments.keywords {
      if let i = plan.index(of: key) {
        if slots[i] != nil { throw ScriptError.runtime("\(name): '\(key)' given twice") }
        slots[i] = v
      } else if plan.takesKeywords {
        extra[key] = v
      } else {
        if let habit = keywordHints[key] { throw ScriptError.runtime("\(name): unknown keyword '\(key)': \(habit)") }
        let hint = Suggestion.closest(to: key, among: plan.names).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("\(name): unknown keyword '\(key)'\(hint)")
      }
    }
    try plan.complete(&slots, builtin: name)
    if let variadic = plan.variadic, variadic.type != .any {
      for v in rest where !variadic.type.accepts(v) {
        throw ScriptError.runtime("\(name): each '\(variadic.name)' must be \(variadic.type), got \(v.typeName)")
      }
    }
    return BoundArguments(function: name, plan: plan, slots: slots, rest: rest, extraKeywords: extra)
  }
}
