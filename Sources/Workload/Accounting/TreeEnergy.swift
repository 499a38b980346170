import Energy

/// What a program's process tree used: CPU time, memory, and its share of the machine's energy.
///
///     r.energy.joules          // 41.2: the tree's share
///     r.energy.machineJoules   // 44.0: the whole machine over the same window
///     r.energy.share           // 0.93: tree CPU over machine busy CPU
///     r.energy.source          // "rapl", "estimate(specpower-package)"
public struct TreeEnergy: Sendable {
  /// The tree's joules: the machine's joules over the window times `share` (its memory, when
  /// estimated, is its own).
  public var joules: Double
  public var machineJoules: Double
  /// The tree's CPU seconds over the machine's busy CPU seconds in the window, 0...1.
  public var share: Double
  public var cpuSeconds: Double
  public var peakRSSBytes: Double
  public var seconds: Double
  /// The meters: "rapl", "rapl+nvml", "estimate(specpower-package)".
  public var source: String
  /// How the machine's joules were divided: `CPUShare.method`.
  public var attribution: String
  public var estimated: Bool
  /// The estimate's model and parameters when `estimated`.
  public var model: String?
  /// Joules per domain over the window, whole machine ("rapl/package-0", "estimate/cpu").
  public var domains: [(name: String, joules: Double)]
  public var notes: [String]
  /// What the joules count: RAPL's package (the default) or the server's share at the wall.
  public var scope: EnergyScope = .package
  /// The 80% interval of the tree's `joules` when estimated: the window's interval in the
  /// tree's proportion of it.
  public var interval: EnergyInterval?
  /// The machine's busy CPU seconds over the window (the estimate's input), beside the tree's
  /// own `cpuSeconds`: what a verdict under another model shape is recomputed from.
  public var machineCPUSeconds: Double?

  public var watts: Double { seconds > 0 ? joules / seconds : 0 }
  public var machineWatts: Double { seconds > 0 ? machineJoules / seconds : 0 }
}
