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

  /// Polls every meter now and says where the window stands: seconds since it opened and
  /// joules since then. Two marks bound a sub-window (an epoch) read from the same cumulative
  /// integral as the whole window, at the same instants as its seconds, so its mean power is
  /// what the meters saw over exactly that span, however short (`joulesSoFar` may be one
  /// poll interval old, which over a span shorter than the interval can claim any power).
  public func mark() -> (seconds: Double, joules: Double) {
    if let result { return (result.seconds, result.joules) }
    let (time, total) = monitor.pollNow()
    return (max(0, time - start.time), max(0, total - start.total))
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
