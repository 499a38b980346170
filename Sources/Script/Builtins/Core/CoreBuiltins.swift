/// The "core" family: printing, collections, numbers, files, help.
///
///     let registry = BuiltinRegistry.core()
///     registry["len"]?.signature   // "len(x)"
extension BuiltinRegistry {
  /// A registry holding every core builtin; JouleKit adds the domain families to it.
  public static func core() -> BuiltinRegistry {
    let r = BuiltinRegistry()
    CoreBuiltins.register(into: r)
    return r
  }
}

public enum CoreBuiltins {
  public static func register(into r: BuiltinRegistry) {
    for b in session + collections + math + files { r.register(b) }
  }

  /// `range(n)` or `range(a, b, step)`; `for` loops, and `map`, `filter` and `reduce` called
  /// on it directly (`Builtin.overRange`), count through it without building the list.
  static let range = Builtin("range", [
    Parameter("start", .int, doc: "first value (or, alone, the stop: range(5) counts 0..4)"),
    Parameter("stop", .optional(.int), default: .some(.none), doc: "one past the last value"),
    Parameter("step", .int, default: .int(1), doc: "increment; may be negative"),
  ], doc: "Integers from start up to (not including) stop, as a list: range(3) is [0, 1, 2].") { args, _ in
    .list(try rangeBounds(args).map { .int($0) })
  }

  /// The integers `range`'s arguments name, checked as `range` checks them (the same errors
  /// whether the list is built or only counted through).
  static func rangeBounds(_ args: BoundArguments) throws -> StrideTo<Int> {
    var start = try args.int("start"), stop = 0
    let step = try args.int("step")
    if let s = try args.optionalInt("stop") { stop = s } else { (start, stop) = (0, start) }
    if step == 0 { throw ScriptError.runtime("range: step must not be zero") }
    let count = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
    guard count <= BinaryOperator.maxRepeat else {
      throw ScriptError.runtime("range: \(count) elements is too many for a list (a for loop over range needs no list)")
    }
    return Swift.stride(from: start, to: stop, by: step)
  }
}
