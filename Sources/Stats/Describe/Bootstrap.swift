/// A percentile bootstrap confidence interval for any statistic of one sample.
///
///     let ci = try Bootstrap.interval([2.7, 2.3, 2.5, 2.9], level: 0.95, resamples: 10_000, seed: 1) {
///       Moments.mean($0)
///     }
///     ci.low, ci.high
///
/// The percentile method (Efron & Tibshirani 1993, §13.3): resample with replacement, take the
/// statistic of each resample, report its (1−level)/2 and (1+level)/2 quantiles. SciPy's
/// `bootstrap` defaults to BCa; the percentile interval is the one that needs no jackknife and
/// reads plainly. Seeded, so the same call gives the same interval.
public enum Bootstrap {
  public struct Interval: Sendable, Equatable {
    public let low: Double
    public let high: Double
    /// The statistic on the full sample.
    public let estimate: Double
    public let level: Double
    public let resamples: Int
  }

  public static func interval(_ xs: [Double], level: Double = 0.95, resamples: Int = 9_999, seed: UInt64 = 0,
                              statistic: ([Double]) throws -> Double) throws -> Interval {
    try StatsError.check(xs, atLeast: 2, "bootstrap_ci")
    guard level > 0, level < 1 else { throw StatsError.outOfRange("bootstrap_ci: level must lie between 0 and 1") }
    guard resamples >= 100 else { throw StatsError.outOfRange("bootstrap_ci: at least 100 resamples, got \(resamples)") }
    var rng = SplitMix64(seed: seed)
    var stats: [Double] = []
    stats.reserveCapacity(resamples)
    var sample = xs
    for _ in 0..<resamples {
      for i in sample.indices { sample[i] = xs[Int(rng.next() % UInt64(xs.count))] }
      stats.append(try statistic(sample))
    }
    stats.sort()
    return Interval(low: Quantile.ofSorted(stats, q: (1 - level) / 2),
                    high: Quantile.ofSorted(stats, q: (1 + level) / 2),
                    estimate: try statistic(xs), level: level, resamples: resamples)
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator, enough for resampling.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
