import Script
import Tune

/// The search-space builtins: `uniform`, `loguniform`, `integer`, `choice`, `space`.
///
///     s = space(lr: loguniform(1e-5, 1e-1), beta1: uniform(0.5, 0.99),
///               batch: choice(32, 64, 128), blocks: integer(1, 4))
enum SpaceBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(Builtin(
      "uniform", [Parameter("lower", .number), Parameter("upper", .number)], family: "tuning",
      doc: "A real range sampled uniformly: uniform(0.5, 0.99).") { a, _ in
      .host(DimensionValue(try wrap { try Dimension.uniform(try a.double("lower"), try a.double("upper")) }))
    })
    registry.register(Builtin(
      "loguniform", [Parameter("lower", .number), Parameter("upper", .number)], family: "tuning",
      doc: "A positive range sampled uniformly in log space (and gridded in log space): loguniform(1e-5, 1e-1).") { a, _ in
      .host(DimensionValue(try wrap { try Dimension.logUniform(try a.double("lower"), try a.double("upper")) }))
    })
    registry.register(Builtin(
      "integer", [Parameter("lower", .int), Parameter("upper", .int),
                  Parameter("log", .bool, default: .bool(false), doc: "sample in log space")], family: "tuning",
      doc: "Whole numbers from lower to upper inclusive: integer(1, 4).") { a, _ in
      .host(DimensionValue(try wrap { try Dimension.integer(try a.int("lower"), try a.int("upper"), log: try a.bool("log")) }))
    })
    registry.register(Builtin(
      "choice", [Parameter("values", .any, kind: .variadic, doc: "the values, or one list of them")], family: "tuning",
      doc: "One of a few values, unordered: choice(32, 64, 128) or choice([\"relu\", \"tanh\"]).") { a, _ in
      var values = a.rest
      if values.count == 1, case .list(let l) = values[0] { values = l }
      let ps = try values.map { try ParameterConversion.parameter($0, function: "choice") }
      return .host(DimensionValue(try wrap { try Dimension.choice(ps) }))
    })
    registry.register(Builtin(
      "space", [Parameter("dimensions", .any, kind: .keywords, doc: "name: dimension, ...")], family: "tuning",
      doc: """
        A search space of named dimensions: space(lr: loguniform(1e-5, 1e-1), batch: choice(32, 64)).
        A plain list stands for choice(...), a plain number for a fixed value.
        """) { a, _ in
      let pairs = try a.extraKeywords.pairs.map { name, v -> (String, Dimension) in
        (name, try dimension(v, name: name))
      }
      return .host(SpaceValue(try wrap { try SearchSpace(pairs) }))
    })
  }

  /// A dimension from a language value: a dimension, a list (a choice) or one value (fixed).
  static func dimension(_ v: Value, name: String) throws -> Dimension {
    switch v {
    case .host(let h as DimensionValue): return h.dimension
    case .list(let l):
      return try wrap { try Dimension.choice(try l.map { try ParameterConversion.parameter($0, function: "space") }) }
    case .int, .float, .string, .bool:
      return try wrap { try Dimension.choice([try ParameterConversion.parameter(v, function: "space")]) }
    default:
      throw ScriptError.runtime("space: '\(name)' must be a dimension such as uniform(0, 1), got \(v.typeName)")
    }
  }

  /// Turns Tune's errors into the language's.
  static func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as TuneError { throw ScriptError.runtime(e.description) }
  }
}
