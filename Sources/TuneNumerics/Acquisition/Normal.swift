import Foundation

/// The standard normal density, distribution and their logs, accurate far into the tails.
///
///     Normal.cdf(1.96)        // 0.975
///     Normal.logCDF(-40)      // −804.6, where cdf would underflow to 0
///
/// `package` and `@inlinable`: the samplers in Tune (TPE's truncated Parzen estimator, the
/// constrained acquisition) call these once per candidate, so they inline there.
@usableFromInline package enum Normal {
  /// 1/√(2π).
  @usableFromInline static let invSqrt2Pi = 1 / (2 * Double.pi).squareRoot()
  /// log √(2π).
  @usableFromInline static let logSqrt2Pi = 0.5 * log(2 * Double.pi)

  @inlinable package static func pdf(_ z: Double) -> Double { invSqrt2Pi * exp(-0.5 * z * z) }
  @inlinable package static func logPDF(_ z: Double) -> Double { -0.5 * z * z - logSqrt2Pi }
  @inlinable package static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  @inlinable package static func logCDF(_ z: Double) -> Double {
    if z > -5 { return log(cdf(z)) }
    // Mills-ratio series: Φ(z) ≈ φ(z)/|z| · (1 − 1/z² + 3/z⁴ − 15/z⁶).
    let z2 = z * z
    return logPDF(z) - log(-z) + log(1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2))
  }
}
