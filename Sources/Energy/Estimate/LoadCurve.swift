/// A normalised load curve: the share of the way from idle to full power at utilisation u,
/// given at u = 0, 0.1, …, 1 and linear between.
///
///     let c = LoadCurve([0, 0.18, 0.24, 0.31, 0.37, 0.43, 0.52, 0.61, 0.73, 0.86, 1])
///     c.value(at: 0.05)      // 0.09
///     LoadCurve.linear.value(at: 0.5)   // 0.5
public struct LoadCurve: Equatable, Sendable {
  /// 11 values, from 0 at idle to 1 at full load.
  public var points: [Double]

  public init(_ points: [Double]) {
    precondition(points.count == 11, "a load curve has 11 points (0, 10 %, …, 100 %)")
    self.points = points
  }

  /// joule 0.2's straight line.
  public static let linear = LoadCurve((0...10).map { Double($0) / 10 })

  /// The curve at u, clamped to [0, 1].
  public func value(at u: Double) -> Double {
    let x = min(1, max(0, u.isFinite ? u : 0)) * 10
    let k = min(9, Int(x))
    return points[k] + (points[k + 1] - points[k]) * (x - Double(k))
  }
}
