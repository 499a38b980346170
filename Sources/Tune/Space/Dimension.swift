import Foundation

/// One axis of a search space: a continuous range (linear or log), an integer range, or a choice.
///
///     let lr = try Dimension.logUniform(1e-5, 1e-1)
///     lr.decode(0.5)          // .double(0.001): the middle in log space
///     lr.gridValues(5)        // 1e-5, 6.3e-5, 4e-4, 2.5e-3, 1.6e-2 (upper bound never used)
///
/// Samplers work in the unit cube: `encode` maps a value to [0, 1] (log dimensions in log space),
/// `decode` maps back, rounding integers and picking choices.
public struct Dimension: Hashable, Codable, Sendable {
  public enum Kind: String, Codable, Sendable {
    case uniform, logUniform = "loguniform", integer, choice
  }

  public var kind: Kind
  public var lower: Double
  public var upper: Double
  /// Only integer ranges may be log; uniform/loguniform say it by their kind.
  public var log: Bool
  public var choices: [ParameterValue]

  private init(kind: Kind, lower: Double, upper: Double, log: Bool, choices: [ParameterValue]) {
    self.kind = kind
    self.lower = lower
    self.upper = upper
    self.log = log
    self.choices = choices
  }

  /// A real range sampled uniformly: `uniform(0.5, 0.99)`.
  public static func uniform(_ lower: Double, _ upper: Double) throws -> Dimension {
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw TuneError.invalidSpace("uniform(\(lower), \(upper)): need finite lower < upper")
    }
    return Dimension(kind: .uniform, lower: lower, upper: upper, log: false, choices: [])
  }

  /// A positive real range sampled uniformly in log space: `loguniform(1e-5, 1e-1)`.
  public static func logUniform(_ lower: Double, _ upper: Double) throws -> Dimension {
    guard lower.isFinite, upper.isFinite, lower > 0, lower < upper else {
      throw TuneError.invalidSpace("loguniform(\(lower), \(upper)): need 0 < lower < upper")
    }
    return Dimension(kind: .logUniform, lower: lower, upper: upper, log: true, choices: [])
  }

  /// Whole numbers from lower to upper inclusive: `integer(1, 4)`; `log: true` samples in log space.
  public static func integer(_ lower: Int, _ upper: Int, log: Bool = false) throws -> Dimension {
    guard lower <= upper else { throw TuneError.invalidSpace("integer(\(lower), \(upper)): need lower <= upper") }
    if log && lower < 1 { throw TuneError.invalidSpace("integer(\(lower), \(upper), log: true): need lower >= 1") }
    return Dimension(kind: .integer, lower: Double(lower), upper: Double(upper), log: log, choices: [])
  }

  /// One of a list of values: `choice(32, 64, 128)`. Unordered: the GP sees only same or different.
  public static func choice(_ values: [ParameterValue]) throws -> Dimension {
    guard !values.isEmpty else { throw TuneError.invalidSpace("choice(): needs at least one value") }
    guard Set(values).count == values.count else { throw TuneError.invalidSpace("choice(): values repeat") }
    return Dimension(kind: .choice, lower: 0, upper: Double(values.count - 1), log: false, choices: values)
  }

  public var isChoice: Bool { kind == .choice }

  private var usesLog: Bool { kind == .logUniform || (kind == .integer && log) }
  private var lo: Double { usesLog ? Foundation.log(lower) : lower }
  private var hi: Double { usesLog ? Foundation.log(upper) : upper }

  /// The value at unit coordinate `u` (clamped to [0, 1]); integers round, choices pick an index.
  public func decode(_ u: Double) -> ParameterValue {
    let u = u.isFinite ? min(max(u, 0), 1) : 0
    // The ends exactly, whatever exp(log(x)) rounds to.
    if kind != .choice && (u == 0 || u == 1) {
      let v = u == 0 ? lower : upper
      return kind == .integer ? .int(Int(v)) : .double(v)
    }
    switch kind {
    case .choice:
      return choices[min(Int(u * Double(choices.count)), choices.count - 1)]
    case .integer:
      let x = lo + u * (hi - lo)
      let v = (usesLog ? exp(x) : x).rounded()
      return .int(Int(min(max(v, lower), upper)))
    case .uniform:
      return .double(min(max(lo + u * (hi - lo), lower), upper))
    case .logUniform:
      return .double(min(max(exp(lo + u * (hi - lo)), lower), upper))
    }
  }

  /// The unit coordinate of a value; choices map to the centre of their slot.
  /// Throws when the value does not belong to the dimension.
  public func encode(_ value: ParameterValue) throws -> Double {
    if kind == .choice {
      guard let i = choices.firstIndex(of: value) else {
        throw TuneError.invalidSpace("\(value) is not one of \(choices)")
      }
      return (Double(i) + 0.5) / Double(choices.count)
    }
    guard let x = value.number else { throw TuneError.invalidSpace("\(value) is not a number") }
    guard x >= lower - 1e-12 * abs(lower), x <= upper + 1e-12 * abs(upper) else {
      throw TuneError.invalidSpace("\(value) is outside [\(lower), \(upper)]")
    }
    if hi == lo { return 0.5 }
    let t = usesLog ? Foundation.log(max(x, lower)) : x
    return min(max((t - lo) / (hi - lo), 0), 1)
  }

  /// Rounds a unit coordinate to where its decoded value lies, so the GP sees what was run.
  public func snap(_ u: Double) -> Double {
    switch kind {
    case .uniform, .logUniform: return min(max(u, 0), 1)
    case .integer, .choice: return (try? encode(decode(u))) ?? u
    }
  }

  /// Grid values along this axis.
  ///
  /// Continuous ranges follow the paper (Yarally et al. 2023, RQ1): `lower + i·(upper − lower)/count`
  /// for i = 0..<count, so the upper bound is never used; `includeUpper` spaces `count` values from
  /// lower to upper inclusive instead. Log ranges are cut in log space. Integer ranges with at most
  /// `count` values give every integer; larger ones round the cut points (duplicates dropped).
  /// Choices give every value.
  public func gridValues(_ count: Int, includeUpper: Bool = false) -> [ParameterValue] {
    switch kind {
    case .choice:
      return choices
    case .integer where Int(upper - lower) + 1 <= count:
      return (Int(lower)...Int(upper)).map { .int($0) }
    default:
      var out: [ParameterValue] = []
      let steps = Double(includeUpper ? max(count - 1, 1) : count)
      for i in 0..<count {
        let u = count == 1 ? 0 : Double(i) / steps
        let v = decode(u)
        if !out.contains(v) { out.append(v) }
      }
      return out
    }
  }
}

extension Dimension {
  /// The value with the type this dimension produces: JSON reads 1.0 back as 1, a choice of 0.5
  /// may come back as a Double where an Int was meant.
  public func coerce(_ v: ParameterValue) -> ParameterValue {
    switch kind {
    case .uniform, .logUniform: return v.number.map { .double($0) } ?? v
    case .integer: return v.number.map { .int(Int($0.rounded())) } ?? v
    case .choice:
      if choices.contains(v) { return v }
      if let x = v.number, let c = choices.first(where: { $0.number == x }) { return c }
      return v
    }
  }
}
