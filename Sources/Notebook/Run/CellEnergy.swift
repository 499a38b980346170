/// What one cell cost, in the energy vocabulary every record uses (docs/architecture.md,
/// "Seams between the 0.3 issues"), as the host's meter saw it.
///
///     CellEnergy(energyJ: 145, estimated: true, source: "estimate(specpower-package)", lowJ: 122, highJ: 242)
///
/// The Notebook module knows no meter: the executable fills this from its energy window.
public struct CellEnergy: Equatable {
  public var energyJ: Double
  public var estimated: Bool
  /// `rapl`, `estimate(specpower-package)`, ...; nil when the meter did not say.
  public var source: String?
  /// The estimate's 80% interval; nil when measured.
  public var lowJ: Double?
  public var highJ: Double?

  public init(energyJ: Double, estimated: Bool, source: String? = nil, lowJ: Double? = nil, highJ: Double? = nil) {
    self.energyJ = energyJ
    self.estimated = estimated
    self.source = source
    self.lowJ = lowJ
    self.highJ = highJ
  }
}
