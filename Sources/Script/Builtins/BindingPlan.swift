/// How a builtin's parameters take arguments, worked out once when it is registered, so a
/// call only fills an array: which parameters are normal and in what order, how many may come
/// by position, where the variadic and keyword-collecting ones are.
///
///     let plan = BindingPlan([Parameter("x", .number), Parameter("digits", .int, default: .int(0))])
///     plan.positionalLimit   // 2
final class BindingPlan {
  /// The normal parameters, in declaration order.
  let normal: [Parameter]
  let names: [String]
  /// How many normal parameters positional arguments may fill (those before a variadic one and
  /// before the keyword-only ones, which come last).
  let positionalLimit: Int
  let variadic: Parameter?
  let takesKeywords: Bool
  /// True when every normal parameter accepts any value: binding skips the type checks.
  let untyped: Bool
  /// Per normal parameter, kept apart so binding reads them without copying a `Parameter`
  /// (each copy retains its strings): the type to check (nil: any) and the default.
  let types: [ValueType?]
  let defaults: [Value?]

  init(_ parameters: [Parameter]) {
    normal = parameters.filter { $0.kind == .normal }
    names = normal.map(\.name)
    variadic = parameters.first { $0.kind == .variadic }
    takesKeywords = parameters.contains { $0.kind == .keywords }
    var limit = normal.count
    if let v = parameters.firstIndex(where: { $0.kind == .variadic }) {
      limit = parameters[..<v].filter { $0.kind == .normal }.count
    }
    if let k = normal.firstIndex(where: \.keywordOnly) { limit = min(limit, k) }
    positionalLimit = limit
    untyped = normal.allSatisfy { $0.type == .any }
    types = normal.map { $0.type == .any ? nil : $0.type }
    defaults = normal.map(\.defaultValue)
  }

  /// Fills defaults into unset slots and checks types; the error names parameter and builtin.
  @inline(__always)
  func complete(_ slots: inout ArgumentSlots, builtin name: String) throws {
    for i in 0..<names.count {
      if let v = slots[i] {
        if !untyped, let t = types[i], !t.accepts(v) {
          // A table-like host value (an experiment, a study) is its rows wherever a list goes.
          if let rows = v.rowList, t.accepts(rows) {
            slots[i] = rows
            continue
          }
          throw ScriptError.runtime("\(name): '\(names[i])' must be \(t), got \(v.typeName)")
        }
      } else if let d = defaults[i] {
        slots[i] = d
      } else {
        throw ScriptError.runtime("\(name): missing argument '\(names[i])'")
      }
    }
  }

  /// The position of a normal parameter. A scan: builtins have a handful of parameters, and
  /// comparing short strings is cheaper than hashing them.
  @inline(__always)
  func index(of name: String) -> Int? {
    for i in names.indices where names[i] == name { return i }
    return nil
  }
}
