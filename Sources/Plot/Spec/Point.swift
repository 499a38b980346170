/// A point of a series, with an optional interval on either axis (an estimate's 80% range).
///
///     Point(x: 1, y: 4.2, yInterval: 3.1...5.6)
public struct Point: Equatable {
  public var x: Double
  public var y: Double
  public var xInterval: ClosedRange<Double>?
  public var yInterval: ClosedRange<Double>?

  public init(x: Double, y: Double, xInterval: ClosedRange<Double>? = nil, yInterval: ClosedRange<Double>? = nil) {
    self.x = x
    self.y = y
    self.xInterval = xInterval
    self.yInterval = yInterval
  }
}
