/// One powercap zone of the `intel-rapl` control type, e.g. `intel-rapl:0:2` named "dram".
///
///     zone.id          // "intel-rapl:0:2"
///     zone.domain      // "dram" (or "dram-0" when there are several packages)
///     zone.counted     // true: DRAM is its own power plane, outside the package
public struct RAPLZone: Equatable {
  /// The kernel's zone id: `intel-rapl:<package>[:<subzone>]`.
  public var id: String
  /// The folder holding `name`, `energy_uj` and `max_energy_range_uj`.
  public var path: String
  /// The content of `name`: package-N, core, uncore, dram or psys.
  public var kernelName: String
  /// The name joule shows in `by_domain`.
  public var domain: String
  /// The counter's range; it wraps to 0 past this. nil when unreadable (wraps then go uncorrected).
  public var maxRangeMicrojoules: UInt64?
  /// Whether the zone adds to the total (see `RAPLDiscovery` for the rule).
  public var counted: Bool
  public var category: DomainEnergy.Category

  /// Numbers after `intel-rapl:`: [0] for a package, [0, 2] for its third subzone.
  public var indices: [Int] {
    id.split(separator: ":").dropFirst().compactMap { Int($0) }
  }
}
