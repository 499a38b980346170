/// Named dimensions in a fixed order: what a study tunes.
///
///     let space = try SearchSpace([("lr", .logUniform(1e-5, 1e-1)), ("batch", .choice([.int(32), .int(64)]))])
///     let p = space.decode([0.5, 0.9])      // [.double(0.001), .int(64)]
///     space.record(p)                        // [("lr", 0.001), ("batch", 64)]
///
/// A point is an array of values aligned with `names`.
public struct SearchSpace: Hashable, Codable, Sendable {
  public private(set) var names: [String]
  public private(set) var dimensions: [Dimension]

  public init(_ pairs: [(String, Dimension)]) throws {
    guard !pairs.isEmpty else { throw TuneError.invalidSpace("a space needs at least one dimension") }
    names = pairs.map(\.0)
    dimensions = pairs.map(\.1)
    guard Set(names).count == names.count else { throw TuneError.invalidSpace("dimension names repeat") }
  }

  public var count: Int { dimensions.count }

  /// The point at unit coordinates `u` (one per dimension).
  public func decode(_ u: [Double]) -> [ParameterValue] {
    zip(dimensions, u).map { $0.decode($1) }
  }

  /// Unit coordinates of a point. Throws when a value is out of its dimension.
  public func encode(_ point: [ParameterValue]) throws -> [Double] {
    guard point.count == count else {
      throw TuneError.invalidSpace("point has \(point.count) values, space has \(count) dimensions")
    }
    return try zip(dimensions, point).map { try $0.encode($1) }
  }

  /// Name–value pairs in dimension order.
  public func record(_ point: [ParameterValue]) -> [(String, ParameterValue)] {
    Array(zip(names, point))
  }

  /// Builds a point from a name → value map; throws on a missing or unknown name.
  public func point(from values: [String: ParameterValue]) throws -> [ParameterValue] {
    for k in values.keys where !names.contains(k) {
      throw TuneError.invalidSpace("'\(k)' is not a dimension of the space")
    }
    return try names.map { n in
      guard let v = values[n] else { throw TuneError.invalidSpace("missing value for '\(n)'") }
      return v
    }
  }
}
