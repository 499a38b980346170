/// Thermal design power of common CPUs, to size the estimate when no counter exists.
///
///     CPUModelTable.lookup("AMD EPYC 7763 64-Core Processor")   // (key "EPYC 7763", 280 W, 128 threads)
///
/// CodeCarbon estimates CPU power from a table of TDPs keyed by model name (its
/// cpu_power.csv); joule does the same with a short table. TDPs and thread counts are the
/// manufacturers' published figures (ark.intel.com, amd.com product pages).
public enum CPUModelTable {
  public struct Entry: Equatable {
    /// The text a /proc/cpuinfo "model name" must contain.
    public var key: String
    public var tdpWatts: Double
    public var threads: Int
    /// One logical CPU's share of the package TDP.
    public var wattsPerThread: Double { tdpWatts / Double(threads) }
  }

  public static let entries: [Entry] = [
    Entry(key: "EPYC 9654", tdpWatts: 360, threads: 192),
    Entry(key: "EPYC 7763", tdpWatts: 280, threads: 128),
    Entry(key: "EPYC 7742", tdpWatts: 225, threads: 128),
    Entry(key: "EPYC 7402", tdpWatts: 180, threads: 48),
    Entry(key: "Xeon(R) Platinum 8380", tdpWatts: 270, threads: 80),
    Entry(key: "Xeon(R) Gold 6248", tdpWatts: 150, threads: 40),
    Entry(key: "Xeon(R) CPU E5-2686 v4", tdpWatts: 145, threads: 36),
    Entry(key: "Core(TM) i9-9900K", tdpWatts: 95, threads: 16),
    Entry(key: "Core(TM) i7-8700", tdpWatts: 65, threads: 12),
    Entry(key: "Ryzen 9 5950X", tdpWatts: 105, threads: 32),
    Entry(key: "Ryzen 7 5800X", tdpWatts: 105, threads: 16),
    Entry(key: "Ryzen 5 3600", tdpWatts: 65, threads: 12),
  ]

  /// The entry whose key the model name contains (the longest such key), or nil.
  public static func lookup(_ modelName: String) -> Entry? {
    let name = modelName.lowercased()
    return entries.filter { name.contains($0.key.lowercased()) }.max { $0.key.count < $1.key.count }
  }
}
