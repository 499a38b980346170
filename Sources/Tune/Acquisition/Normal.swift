import Foundation

/// The standard normal density, distribution and their logs, accurate far into the tails.
///
///     Normal.cdf(1.96)        // 0.975
///     Normal.logCDF(-40)      // −804.6, where cdf would underflow to 0
enum Normal {
  static let invSqrt2Pi = 1 / (2 * Double.pi).squareRoot()
  static let logSqrt2Pi = 0.5 * log(2 * Double.pi)

  static func pdf(_ z: Double) -> Double { invSqrt2Pi * exp(-0.5 * z * z) }
  static func logPDF(_ z: Double) -> Double { -0.5 * z * z - logSqrt2Pi }
  static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  static func logCDF(_ z: Double) -> Double {
    if z > -5 { return log(cdf(z)) }
    // Mills-ratio series: Φ(z) ≈ φ(z)/|z| · (1 − 1/z² + 3/z⁴ − 15/z⁶).
    let z2 = z * z
    return logPDF(z) - log(-z) + log(1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2))
  }
}
