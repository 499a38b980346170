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

  public init(_ name: String, _ parameters: [Parameter] = [], family: String = "core",
              doc: String, body: @escaping (BoundArguments, any CallContext) throws -> Value) {
    self.name = name
    self.parameters = parameters
    self.doc = doc
    self.family = family
    self.body = body
  }

  public func call(_ arguments: Arguments, context: any CallContext) throws -> Value {
    try body(try bind(arguments), context)
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

  /// Matches call-site arguments to parameters, fills defaults and checks types.
  public func bind(_ arguments: Arguments) throws -> BoundArguments {
    var values: [String: Value] = [:]
    var rest: [Value] = []
    var extra = Record()
    let normal = parameters.filter { $0.kind == .normal }
    let variadic = parameters.first { $0.kind == .variadic }
    let takesKeywords = parameters.contains { $0.kind == .keywords }

    var positional = arguments.positional[...]
    for p in normal where !p.keywordOnly {
      // Positional arguments fill normal parameters in order until a variadic one would take them.
      if let variadic, let vi = parameters.firstIndex(where: { $0.name == variadic.name }),
         let pi = parameters.firstIndex(where: { $0.name == p.name }), pi > vi { break }
      guard let v = positional.first else { break }
      values[p.name] = v
      positional = positional.dropFirst()
    }
    if !positional.isEmpty {
      if variadic != nil {
        rest = Array(positional)
      } else {
        let byPosition = normal.filter { !$0.keywordOnly }
        let keywordOnly = normal.filter(\.keywordOnly).map(\.name)
        let note = keywordOnly.isEmpty ? ""
          : " (\(byPosition.map(\.name).joined(separator: ", ")); \(keywordOnly.joined(separator: ", ")) only by keyword, e.g. \(keywordOnly[0]): ...)"
        throw ScriptError.runtime(
          "\(name): takes at most \(byPosition.count) positional argument\(byPosition.count == 1 ? "" : "s"), got \(arguments.positional.count)\(note)")
      }
    }
    for (key, v) in arguments.keywords {
      if let p = normal.first(where: { $0.name == key }) {
        if values[p.name] != nil {
          throw ScriptError.runtime("\(name): '\(key)' given twice")
        }
        values[key] = v
      } else if takesKeywords {
        extra[key] = v
      } else {
        if let habit = keywordHints[key] { throw ScriptError.runtime("\(name): unknown keyword '\(key)': \(habit)") }
        let hint = Suggestion.closest(to: key, among: normal.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("\(name): unknown keyword '\(key)'\(hint)")
      }
    }
    for p in normal {
      if let v = values[p.name] {
        guard p.type.accepts(v) else {
          throw ScriptError.runtime("\(name): '\(p.name)' must be \(p.type), got \(v.typeName)")
        }
      } else if let d = p.defaultValue {
        values[p.name] = d
      } else {
        throw ScriptError.runtime("\(name): missing argument '\(p.name)'")
      }
    }
    if let variadic, variadic.type != .any {
      for v in rest where !variadic.type.accepts(v) {
        throw ScriptError.runtime("\(name): each '\(variadic.name)' must be \(variadic.type), got \(v.typeName)")
      }
    }
    return BoundArguments(function: name, values: values, rest: rest, extraKeywords: extra)
  }
}
