import Energy

/// The whole machine's joules over a window, per domain, from a meters' reading and the
/// machine's busy CPU time.
///
///     let m = MachineEnergy(reading, busySeconds: 1.6, treeRSSBytes: 2e8, estimate: model)
///     m.joules        // 23.4
///     m.domains       // [("rapl/package-0", 21.0), ("rapl/dram", 2.4)]
///
/// Measured sources (RAPL, NVML) already see the machine. joule's estimate does not: in its
/// own process it follows joule's CPU time, which says nothing of a child's. For a program the
/// estimate's linear model is applied to the whole machine's busy CPU time instead
/// (P_idle·t + (P_max − P_idle)·busy/CPUs), plus the model's memory power for the tree's peak
/// resident size (the rest of the machine's memory is not known to joule).
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

  init(_ reading: EnergyReading, busySeconds: Double, treeRSSBytes: Double, estimate: CPUPowerModel?,
       gpu: GPUUse? = nil) {
    for source in reading.byDomain {
      if source.source == "estimate", let model = estimate {
        let seconds = reading.seconds
        let cpus = Double(max(1, model.logicalCPUs))
        let u = seconds > 0 ? busySeconds / (seconds * cpus) : 0
        domains.append(Domain(name: "estimate/cpu", joules: model.cpuWatts(utilisation: u) * seconds,
                              counted: true, ownedByTree: false))
        domains.append(Domain(name: "estimate/ram", joules: model.ramWatts(residentBytes: treeRSSBytes) * seconds,
                              counted: true, ownedByTree: true))
      } else {
        for d in source.domains {
          domains.append(Domain(name: "\(source.source)/\(d.name)", joules: d.joules, counted: d.counted,
                                ownedByTree: false,
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
