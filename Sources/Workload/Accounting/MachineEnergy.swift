import Energy

/// The whole machine's joules over a window, per domain, from the meters' reading, with the
/// memory of the program's tree in place of joule's own.
///
///     let m = MachineEnergy(reading, treeRSSBytes: 2e8, estimate: model)
///     m.joules        // 23.4
///     m.domains       // [("rapl/package-0", 21.0), ("rapl/dram", 2.4)]
///
/// Every meter sees the machine: RAPL and NVML count the package and the device, and joule's
/// estimate models the machine's busy CPU time (`EstimateMeter`), so their figures stand as
/// they are. The estimate's memory term alone is per process: joule's resident size in
/// joule's windows; for a program, the model's memory power for the tree's peak resident
/// size, which is the tree's own and given to it whole.
struct MachineEnergy {
  struct Domain {
    var name: String
    var joules: Double
    /// True for a domain inside another one (RAPL core in package): shown, not added.
    var counted: Bool
    /// Memory power of the tree itself: given to it whole, not shared.
    var ownedByTree: Bool
    /// The tree's own fraction of this domain when known (a GPU's per-process utilisation);
    /// nil: its CPU share.
    var treeFraction: Double? = nil
  }

  var domains: [Domain] = []

  init(_ reading: EnergyReading, treeRSSBytes: Double, estimate: CPUPowerModel?, gpu: GPUUse? = nil) {
    for source in reading.byDomain {
      for d in source.domains {
        let name = "\(source.source)/\(d.name)"
        if source.source == "estimate", d.category == .ram, let model = estimate {
          domains.append(Domain(name: name, joules: model.ramWatts(residentBytes: treeRSSBytes) * reading.seconds,
                                counted: d.counted, ownedByTree: true))
        } else {
          domains.append(Domain(name: name, joules: d.joules, counted: d.counted, ownedByTree: false,
                                treeFraction: source.source == "nvml" ? gpu?.fraction(of: d.name) : nil))
        }
      }
    }
  }

  /// Counted joules of the whole machine (the tree's memory estimate included).
  var joules: Double { domains.filter(\.counted).reduce(0) { $0 + $1.joules } }

  /// The tree's part: its own fraction of a GPU where NVML gives one, its CPU share of every
  /// other shared domain, and all of what is its own.
  func treeJoules(share: Double) -> Double {
    domains.filter(\.counted).reduce(0) { $0 + ($1.ownedByTree ? $1.joules : $1.joules * ($1.treeFraction ?? share)) }
  }
}
