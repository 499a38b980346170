import Script

/// A measurement window as the training, tuning and notebook code use it.
///
///     let w = EnergyWindow.begin()
///     ... work ...
///     w.joulesSoFar          // for progress lines
///     let r = w.finish()     // r.joules, r.source, r.estimated
///
/// STUB: the energy work replaces the body with real meters (RAPL, NVML, estimate).
/// Keep this API: training (train), tuning (tune) and notebooks (per-cell joules) call it.
public final class EnergyWindow {
  public struct Reading {
    public var joules: Double
    public var seconds: Double
    /// e.g. "rapl", "nvml", "estimate(linear-tdp)".
    public var source: String
    public var estimated: Bool
    /// Joules per source and domain, e.g. {rapl: {package-0: 12.1, dram: 1.3}}.
    public var byDomain: Record
    /// Power samples (seconds since start, watts), sampled at >= 10 Hz.
    public var timeline: [(t: Double, watts: Double)]
  }

  public static func begin() -> EnergyWindow { EnergyWindow() }

  /// Energy spent since `begin`, for progress lines. Cheap to call.
  public var joulesSoFar: Double { 0 }

  public func finish() -> Reading {
    Reading(joules: 0, seconds: 0, source: "none", estimated: true, byDomain: Record(), timeline: [])
  }

  /// One line describing the active sources, for run manifests:
  /// "estimate (no RAPL, no NVML): linear TDP model, 2 CPUs, P_idle 10 W, P_max 45 W".
  public static var sourcesDescription: String { "none" }
}
