import Energy
import Script

/// A measurement window as the training, tuning and notebook code use it.
///
///     let w = EnergyWindow.begin()
///     ... work ...
///     w.joulesSoFar          // for progress lines: a cached value, microseconds
///     let r = w.finish()     // r.joules, r.source, r.estimated, r.model
///
/// Backed by `EnergyMonitor.shared`: RAPL when readable, NVML for visible GPUs, else the
/// labelled estimate. Windows nest; they share one background poller.
public final class EnergyWindow {
  public struct Reading {
    public var joules: Double
    public var seconds: Double
    /// e.g. "rapl", "nvml", "estimate(specpower-package)".
    public var source: String
    public var estimated: Bool
    /// Joules per source and domain, e.g. {rapl: {package-0: 12.1, dram: 1.3}}.
    public var byDomain: Record
    /// Power samples (seconds since start, watts), sampled at >= 10 Hz.
    public var timeline: [(t: Double, watts: Double)]
    /// The estimate's model and parameters when `estimated`, else nil.
    public var model: String?
    /// Domains dropped mid-window and similar.
    public var notes: [String]
    /// The Energy module's full reading (domains by kind, idle removed, end time).
    public var energy: EnergyReading

    public var watts: Double { seconds > 0 ? joules / seconds : 0 }

    /// The energy vocabulary's fields for this window (`energy_j`, `estimated`, ...): what a
    /// notebook or kernel cell records.
    public var fields: Record { EnergyFields(energy).record }

    init(_ r: EnergyReading) {
      joules = r.joules
      seconds = r.seconds
      source = r.source
      estimated = r.estimated
      byDomain = EnergyRecords.byDomain(r)
      timeline = r.timeline.map { ($0.t, $0.watts) }
      model = r.model
      notes = r.notes
      energy = r
    }
  }

  let measurement: EnergyMeasurement

  init(_ measurement: EnergyMeasurement) { self.measurement = measurement }

  public static func begin() -> EnergyWindow { EnergyWindow(EnergyMonitor.shared.begin()) }

  /// Energy spent since `begin`, as of the poller's last sample (at most 50 ms old). Cheap to call.
  public var joulesSoFar: Double { measurement.joulesSoFar }

  /// Seconds and joules since `begin`, polled now: marks bound sub-windows (epochs) whose
  /// power is read from the same integral as the whole window's.
  public func mark() -> (seconds: Double, joules: Double) { measurement.mark() }

  /// Closes the window; calling it again returns the same reading.
  @discardableResult
  public func finish() -> Reading { Reading(measurement.finish()) }

  /// Whether this machine's figures come (at least partly) from the estimate.
  public static var isEstimated: Bool { EnergyMonitor.shared.isEstimated }

  /// One line describing the active sources, for run manifests:
  /// "estimate (no RAPL, no NVML): linear TDP model, 2 CPUs, P_idle 3.19 W, P_max 10.63 W (...)".
  public static var sourcesDescription: String { EnergyMonitor.shared.sourcesDescription }

  /// Counters present but unreadable (RAPL for a non-root user), each with why and the fix.
  public static var counterProblems: [String] { EnergyMonitor.shared.counterProblems }
}

