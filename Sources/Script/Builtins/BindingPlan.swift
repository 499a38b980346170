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
  /// How many normal parameters positional arguments may fill (those before a variadic one).
  let positionalLimit: Int
  let variadic: Parameter?
  let takesKeywords: Bool
  /// True when every normal parameter accepts any value: binding skips the type checks.
  let untyped: Bool

  init(_ parameters: [Parameter]) {
    normal = parameters.filter { $0.kind == .normal }
    names = normal.map(\.name)
    variadic = parameters.first { $0.kind == .variadic }
    takesKeywords = parameters.contains { $0.kind == .keywords }
    if let v = parameters.firstIndex(where: { $0.kind == .variadic }) {
      positionalLimit = parameters[..<v].filter { $0.kind == .normal }.count
    } else {
      positionalLimit = normal.count
    }
    untyped = normal.allSatisfy { $0.type == .any }
  }

  /// The position of a normal parameter. A scan: builtins have a handful of parameters, and
  /// comparing short strings is cheaper than hashing them.
  @inline(__always)
  func index(of name: String) -> Int? {
    for i in names.indices where names[i] == name { return i }
    return nil
  }
}
