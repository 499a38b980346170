/// Converting joules to kilowatt-hours and grams of CO2-equivalent.
///
///     Carbon.kilowattHours(joules: 3.6e6)          // 1.0
///     Carbon.grams(joules: 3.6e6)                  // 475.0 at the default intensity
///     Carbon.grams(joules: 3.6e6, intensity: 56)   // 56.0 (e.g. a low-carbon grid)
public enum Carbon {
  /// g CO2e per kWh: CodeCarbon's world-average fallback, used when it knows no region
  /// (codecarbon/core/emissions.py, "world average" 475 g/kWh, from the IEA/Ember global mix).
  public static let worldAverageIntensity = 475.0

  /// The intensity to use: `explicit` when given, else the country's, else the world average.
  ///
  ///     try Carbon.intensity(explicit: nil, country: try GridIntensity.country("FRA"))   // 56.039
  public static func intensity(explicit: Double?, country: GridIntensity?) throws -> Double {
    let g = explicit ?? country?.gramsPerKWh ?? worldAverageIntensity
    guard g >= 0, g.isFinite else { throw CarbonError.invalidIntensity(g) }
    return g
  }

  /// One kWh is 3.6 MJ.
  public static func kilowattHours(joules: Double) -> Double { joules / 3.6e6 }

  /// Grams CO2e for `joules` on a grid of `intensity` g/kWh.
  public static func grams(joules: Double, intensity: Double = worldAverageIntensity) -> Double {
    kilowattHours(joules: joules) * intensity
  }
}
