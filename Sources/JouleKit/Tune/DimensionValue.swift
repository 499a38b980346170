import Script
import Tune

/// A search-space dimension in the language: what `uniform(0.5, 0.99)` returns.
///
///     d = loguniform(1e-5, 1e-1)
///     d.kind        # "loguniform"
final class DimensionValue: HostObject {
  let dimension: Dimension
  init(_ dimension: Dimension) { self.dimension = dimension }

  var typeName: String { "dimension" }
  var fieldNames: [String] { ["kind", "lower", "upper", "choices"] }

  func field(_ name: String) -> Value? {
    switch name {
    case "kind": return .string(dimension.kind.rawValue)
    case "lower": return dimension.isChoice ? Value.none : numberValue(dimension.lower)
    case "upper": return dimension.isChoice ? Value.none : numberValue(dimension.upper)
    case "choices": return dimension.isChoice ? .list(dimension.choices.map(ParameterConversion.value)) : Value.none
    default: return nil
    }
  }

  private func numberValue(_ x: Double) -> Value { dimension.kind == .integer ? .int(Int(x)) : .float(x) }

  var displayText: String { DimensionValue.describe(dimension) }

  /// `loguniform(1e-05, 0.1)`, as it would be written.
  static func describe(_ d: Dimension) -> String {
    switch d.kind {
    case .uniform, .logUniform: return "\(d.kind.rawValue)(\(d.lower), \(d.upper))"
    case .integer: return "integer(\(Int(d.lower)), \(Int(d.upper))\(d.log ? ", log: true" : ""))"
    case .choice: return "choice(\(d.choices.map(\.description).joined(separator: ", ")))"
    }
  }
}

/// A search space in the language: what `space(lr: ..., batch: ...)` returns.
///
///     s = space(lr: loguniform(1e-5, 1e-1), batch: choice(32, 64))
///     s.names       # ["lr", "batch"]
final class SpaceValue: HostObject {
  let space: SearchSpace
  init(_ space: SearchSpace) { self.space = space }

  var typeName: String { "space" }
  var fieldNames: [String] { ["names", "dimensions"] }

  func field(_ name: String) -> Value? {
    switch name {
    case "names": return .list(space.names.map { .string($0) })
    case "dimensions": return .record(Record(zip(space.names, space.dimensions).map { ($0, .host(DimensionValue($1))) }))
    default: return nil
    }
  }

  var displayText: String {
    "space(" + zip(space.names, space.dimensions).map { "\($0): \(DimensionValue.describe($1))" }.joined(separator: ", ") + ")"
  }
}
