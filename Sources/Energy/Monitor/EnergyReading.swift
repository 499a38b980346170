#if canImport(Glibc)
import Glibc
#endif

/// What a finished measurement window found.
///
///     let r = EnergyMonitor.shared.begin().finish()
///     r.joules      // counted domains only (core inside package is not added twice)
///     r.estimated   // true when any part came from the estimate; then r.model says how
///     r.byDomain    // [rapl: [package-0: 12.1, core: 9.0, dram: 1.3]]
public struct EnergyReading {
  /// Total joules of counted domains, after idle subtraction if asked for.
  public var joules: Double
  public var seconds: Double
  /// "rapl", "rapl+nvml", "nvml+estimate(specpower-package)", "estimate(specpower-wall)".
  public var source: String
  public var estimated: Bool
  /// The estimate's model and parameters when `estimated`.
  public var model: String?
  /// Joules per source and domain over the window, counted or not.
  public var byDomain: [SourceEnergy]
  /// Average power between polls (≥ 10 Hz while the background poller runs).
  public var timeline: [PowerSample]
  /// Domains dropped mid-window and similar, in plain words.
  public var notes: [String]
  /// The idle baseline removed from `joules` (0 when none was removed).
  public var idleJoules: Double = 0
  /// Unix time when the window closed, for ledgers.
  public var endedAt: Double
  /// What the figures count: RAPL's package domains (the default) or the server's share at the
  /// wall. A counter reads `package`; the estimate models either.
  public var scope: EnergyScope = .package
  /// The 80% interval of `joules` when any part is estimated; nil when everything was measured.
  public var interval: EnergyInterval?
  /// The machine's busy CPU seconds over the window (from /proc/stat), the estimate's input:
  /// with `seconds` it lets a verdict be recomputed under another model shape.
  public var busyCPUSeconds: Double?
  /// Seconds the meters themselves took during the window (all polls), and how many polls.
  public var meterSeconds: Double = 0
  public var polls: Int = 0

  /// The meters' own cost as a fraction of the window: what measuring added.
  public var overhead: Double { seconds > 0 ? meterSeconds / seconds : 0 }

  /// Average power over the window.
  public var watts: Double { seconds > 0 ? joules / seconds : 0 }

  /// Counted joules of one kind of domain (CodeCarbon's cpu_energy, gpu_energy, ram_energy).
  public func joules(of category: DomainEnergy.Category) -> Double {
    byDomain.flatMap(\.domains).filter { $0.counted && $0.category == category }.reduce(0) { $0 + $1.joules }
  }

  /// The reading with an idle baseline of `watts` removed: joules − watts × seconds, never below 0.
  /// The paper "factored out" idle power this way.
  public func subtractingIdle(watts: Double) -> EnergyReading {
    var r = self
    let idle = min(joules, max(0, watts) * seconds)
    r.idleJoules = idle
    r.joules = joules - idle
    // The interval moves with the figure (the baseline is the same machine's, same model).
    if let i = interval { r.interval = EnergyInterval(low: max(0, i.low - idle), high: max(r.joules, i.high - idle)) }
    return r
  }

  /// Wall-clock Unix seconds.
  public static func unixNow() -> Double {
    var tv = timeval()
    gettimeofday(&tv, nil)
    return Double(tv.tv_sec) + Double(tv.tv_usec) * 1e-6
  }
}

/// One source's domains over a window: `rapl` with package-0, core, dram.
public struct SourceEnergy {
  public var source: String
  public var domains: [DomainEnergy]
}

/// Average power over one poll interval, `t` seconds after the window opened.
public struct PowerSample: Equatable {
  public var t: Double
  public var watts: Double
}
