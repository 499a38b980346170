import Foundation

/// The usual description of a sample: size, centre, spread, quartiles, range, and a 95%
/// confidence interval for the mean (Student's t, as `scipy.stats.t.interval`).
///
///     let s = try Summary(of: [2.76, 2.29, 2.51])
///     s.mean, s.sd, s.median   // 2.52, 0.235..., 2.51
public struct Summary: Sendable, Equatable {
  public let n: Int
  public let mean: Double
  /// Sample standard deviation (n − 1 in the denominator; 0 for a single value).
  public let sd: Double
  public let median: Double
  public let q1: Double
  public let q3: Double
  public let min: Double
  public let max: Double
  /// The confidence interval for the mean at `level` (nil bounds for n = 1: no spread to use).
  public let ciLow: Double?
  public let ciHigh: Double?
  public let level: Double

  public init(of xs: [Double], level: Double = 0.95) throws {
    try StatsError.check(xs, atLeast: 1, "describe")
    guard level > 0, level < 1 else { throw StatsError.outOfRange("describe: level must lie between 0 and 1") }
    let sorted = xs.sorted()
    n = xs.count
    mean = Moments.mean(xs)
    sd = n > 1 ? Moments.variance(xs).squareRoot() : 0
    median = Quantile.ofSorted(sorted, q: 0.5)
    q1 = Quantile.ofSorted(sorted, q: 0.25)
    q3 = Quantile.ofSorted(sorted, q: 0.75)
    min = sorted[0]
    max = sorted[n - 1]
    self.level = level
    if n > 1 {
      let half = StudentT.quantile(0.5 + level / 2, df: Double(n - 1)) * sd / Double(n).squareRoot()
      ciLow = mean - half
      ciHigh = mean + half
    } else {
      ciLow = nil
      ciHigh = nil
    }
  }

  /// Interquartile range, q3 − q1.
  public var iqr: Double { q3 - q1 }
}
