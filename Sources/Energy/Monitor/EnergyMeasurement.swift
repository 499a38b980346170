/// One open measurement window. Windows nest and overlap freely: they share the monitor's
/// poller and only remember where the counters stood when they opened.
///
///     let w = EnergyMonitor.shared.begin()
///     train()
///     w.joulesSoFar           // cached by the poller: costs a lock, not a read
///     let r = w.finish()      // polls once more, then r.joules, r.timeline, ...
public final class EnergyMeasurement {
  let monitor: EnergyMonitor
  let id: Int
  let start: EnergyMonitor.Snapshot
  private var result: EnergyReading?

  init(monitor: EnergyMonitor, id: Int, start: EnergyMonitor.Snapshot) {
    self.monitor = monitor
    self.id = id
    self.start = start
  }

  /// Joules since the window opened, as of the latest poll (at most one interval old).
  public var joulesSoFar: Double {
    if let result { return result.joules }
    return max(0, monitor.cachedTotal - start.total)
  }

  /// Closes the window and returns what it measured. Calling it again returns the same reading.
  @discardableResult
  public func finish() -> EnergyReading {
    if let result { return result }
    let r = monitor.close(self)
    result = r
    return r
  }

  deinit {
    if result == nil { monitor.abandon(id) }
  }
}
