/// Which part of a machine's power a figure counts.
///
///     EnergyScope(environment: ["JOULE_ENERGY_SCOPE": "wall"])   // .wall
///     EnergyScope.package.rawValue                              // "package"
///
/// `package` is what RAPL's package (and DRAM) domains read: joule's default, so machines with
/// and without a counter report the same quantity. `wall` is the server's share at the plug,
/// as SPECpower and Cloud Carbon Footprint count it, for comparison with cloud footprints.
public enum EnergyScope: String, CaseIterable, Sendable {
  case package, wall

  /// `JOULE_ENERGY_SCOPE`, else `.package`. An unknown value is `nil` so callers can say so.
  public init?(environment: [String: String]) {
    guard let raw = environment["JOULE_ENERGY_SCOPE"] else { self = .package; return }
    guard let scope = EnergyScope(rawValue: raw.lowercased()) else { return nil }
    self = scope
  }
}

/// An estimated figure's 80% interval, in the figure's own unit (joules on readings).
///
///     EnergyInterval(low: 3.1, high: 5.6)
///
/// It comes from the estimate's validation residuals (docs/energy.md); a measured figure has
/// none.
public struct EnergyInterval: Equatable, Sendable {
  public var low: Double
  public var high: Double

  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }
}
