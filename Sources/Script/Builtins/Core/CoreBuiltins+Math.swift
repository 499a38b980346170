import Foundation

/// Numbers and conversions.
extension CoreBuiltins {
  static func numbers(_ args: BoundArguments, _ name: String) throws -> [Value] {
    let items = args.rest.count == 1 ? (try? listOf(args.rest[0])) ?? args.rest : args.rest
    for v in items where v.number == nil {
      throw ScriptError.runtime("\(name): expects numbers, got \(v.typeName)")
    }
    return items
  }

  private static func listOf(_ v: Value) throws -> [Value] {
    guard case .list(let l) = v else { throw ScriptError.runtime("not a list") }
    return l
  }

  private static func unary(_ name: String, _ math: UnaryMath, _ doc: String, _ f: @escaping (Double) -> Double,
                            domain: ((Double) -> Bool)? = nil) -> Builtin {
    let b = Builtin(name, [Parameter("x", .number)], doc: doc) { args, _ in
      let x = try args.double("x")
      if let domain, !domain(x) { throw ScriptError.runtime("\(name): \(Value.format(x)) is outside its domain") }
      return .float(f(x))
    }
    b.math = math
    return b
  }

  /// The smallest or largest of numbers (or of any comparable values); with `by:`, the element
  /// whose field (or key function's value) is smallest or largest: `min(runs, by: "energy_j")`.
  private static func extreme(_ name: String, _ pick: Int) -> Builtin {
    Builtin(name, [Parameter("xs", kind: .variadic, doc: "a list, or several values"),
                   Parameter("by", .optional(.oneOf([.string, .function])), default: .some(.none),
                             doc: "a record field name, or a function giving each element's key")],
            doc: "The \(pick < 0 ? "smallest" : "largest") of a list, or of several arguments.") { args, ctx in
      let items = args.rest.count == 1 ? ((try? listOf(args.rest[0])) ?? args.rest) : args.rest
      guard !items.isEmpty else { throw ScriptError.runtime("\(name): needs at least one value") }
      let keys: [Value]
      switch args["by"] {
      case .string(let field): keys = try items.map { try Access.field($0, field) }
      case .closure, .builtin: keys = try items.map { try ctx.call(args["by"], Arguments([$0])) }
      default: keys = items
      }
      var best = 0
      for i in keys.indices.dropFirst() where try keys[i].compare(to: keys[best]) * pick > 0 { best = i }
      return items[best]
    }
  }

  static var absolute: Builtin {
    let b = Builtin("abs", [Parameter("x", .number)], doc: "The absolute value.") { args, _ in
      if case .int(let i) = args["x"] { return i == .min ? .float(-Double(i)) : .int(Swift.abs(i)) }
      return .float(Swift.abs(try args.double("x")))
    }
    b.math = .abs
    return b
  }

  static var math: [Builtin] {
    [
      Builtin("sum", [Parameter("xs", kind: .variadic, doc: "a list, or several numbers")],
              doc: "The sum of numbers: sum([1, 2, 3]) is 6.") { args, _ in
        var total = Value.int(0)
        for v in try numbers(args, "sum") { total = try BinaryOperator.add.apply(total, v) }
        return total
      },
      Builtin("mean", [Parameter("xs", kind: .variadic, doc: "a list, or several numbers")],
              doc: "The arithmetic mean of numbers.") { args, _ in
        let xs = try numbers(args, "mean")
        guard !xs.isEmpty else { throw ScriptError.runtime("mean: needs at least one number") }
        return .float(xs.reduce(0) { $0 + $1.number! } / Double(xs.count))
      },
      Builtin("median", [Parameter("xs", kind: .variadic, doc: "a list, or several numbers")],
              doc: "The middle value of numbers (the mean of the two middle ones for an even count): median([3, 1, 10]) is 3.") { args, _ in
        let xs = try numbers(args, "median").map { $0.number! }.sorted()
        guard !xs.isEmpty else { throw ScriptError.runtime("median: needs at least one number") }
        if xs.contains(where: \.isNaN) { return .float(.nan) }
        let mid = xs.count / 2
        return .float(xs.count % 2 == 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2)
      },
      extreme("min", -1),
      extreme("max", 1),
      Builtin("round", [Parameter("x", .number), Parameter("digits", .int, default: .int(0), doc: "decimal places")],
              doc: "x rounded half away from zero; an int when digits is 0: round(2.675, 2) is 2.68.") { args, _ in
        let digits = try args.int("digits")
        if case .int(let i) = args["x"], digits >= 0 { return .int(i) }
        let x = try args.double("x")
        if digits == 0 {
          let r = x.rounded(.toNearestOrAwayFromZero)
          guard r.isFinite, abs(r) < 9.2e18 else { return .float(r) }
          return .int(Int(r))
        }
        // Rounding the decimal text, not x * 10^d, so 2.675 (stored as 2.67499...) rounds as written.
        guard x.isFinite, digits > 0, digits < 17 else {
          let p = Foundation.pow(10.0, Double(digits))
          return .float((x * p).rounded(.toNearestOrAwayFromZero) / p)
        }
        let text = String(format: "%.\(digits + 3)f", x)
        let p = Foundation.pow(10.0, Double(digits))
        let r = ((Double(text) ?? x) * p).rounded(.toNearestOrAwayFromZero) / p
        return .float(Double(String(format: "%.\(digits)f", r)) ?? r)
      },
      absolute,
      unary("sqrt", .sqrt, "The square root.", Foundation.sqrt, domain: { $0 >= 0 }),
      unary("log", .log, "The natural logarithm.", Foundation.log, domain: { $0 > 0 }),
      unary("exp", .exp, "e raised to x.", Foundation.exp),
      unary("sin", .sin, "The sine of x radians.", Foundation.sin),
      unary("cos", .cos, "The cosine of x radians.", Foundation.cos),
      Builtin("pow", [Parameter("x", .number), Parameter("y", .number)], doc: "x raised to y (as x ** y).") { args, _ in
        try BinaryOperator.power.apply(args["x"], args["y"])
      },
      Builtin("str", [Parameter("x")], doc: "x as text, as print shows it.") { args, _ in
        .string(args["x"].printString)
      },
      Builtin("int", [Parameter("x", doc: "a number, bool or numeric string")],
              doc: "x as an integer; floats truncate toward zero.") { args, _ in
        switch args["x"] {
        case .int(let i): return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
          guard d.isFinite, Swift.abs(d) < 9.2e18 else { throw ScriptError.runtime("int: \(Value.format(d)) does not fit an integer") }
          return .int(Int(d))
        case .string(let s):
          let t = s.trimmingCharacters(in: .whitespaces)
          if let i = Int(t) { return .int(i) }
          if let d = Double(t), d.isFinite, Swift.abs(d) < 9.2e18 { return .int(Int(d)) }
          throw ScriptError.runtime("int: cannot read \(Value.quote(s)) as a number")
        case let v: throw ScriptError.runtime("int: cannot convert \(v.typeName)")
        }
      },
      Builtin("float", [Parameter("x", doc: "a number, bool or numeric string")], doc: "x as a float.") { args, _ in
        switch args["x"] {
        case .int(let i): return .float(Double(i))
        case .float(let d): return .float(d)
        case .bool(let b): return .float(b ? 1 : 0)
        case .string(let s):
          guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else {
            throw ScriptError.runtime("float: cannot read \(Value.quote(s)) as a number")
          }
          return .float(d)
        case let v: throw ScriptError.runtime("float: cannot convert \(v.typeName)")
        }
      },
      Builtin("type", [Parameter("x")], doc: "The type name of x: \"int\", \"list\", \"model\", ...") { args, _ in
        .string(args["x"].typeName)
      },
    ]
  }
}
