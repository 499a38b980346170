/// An estimate meter's cumulative joules with its 80 % interval's ends, and the busy CPU
/// seconds they were estimated from; a window takes the difference of two.
///
///     let b = meter.bounds!          // EstimateBounds(joules: 12.0, low: 10.4, high: 18.5, busyCPUSeconds: 3.1)
///     b.minus(earlier)               // over the window
public struct EstimateBounds: Equatable, Sendable {
  public var joules: Double
  public var low: Double
  public var high: Double
  public var busyCPUSeconds: Double

  public init(joules: Double, low: Double, high: Double, busyCPUSeconds: Double) {
    self.joules = joules
    self.low = low
    self.high = high
    self.busyCPUSeconds = busyCPUSeconds
  }

  public func minus(_ earlier: EstimateBounds) -> EstimateBounds {
    EstimateBounds(joules: max(0, joules - earlier.joules), low: max(0, low - earlier.low),
                   high: max(0, high - earlier.high), busyCPUSeconds: max(0, busyCPUSeconds - earlier.busyCPUSeconds))
  }
}
