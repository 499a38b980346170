import Energy
import Foundation

/// Follows a running program's tree through /proc and measures the machine's energy over the
/// same window, so the tree can be given its share.
///
///     let acc = TreeAccounting(root: child.pid, monitor: .shared, seriesInterval: 0.1)
///     while running { acc.tick() }           // samples when due; cheap otherwise
///     let energy = acc.finish()              // TreeEnergy: joules, machineJoules, share, ...
///     acc.rows                               // one per series interval, for `joule measure -o`
///
/// The tree is sampled every `sampleInterval` (100 ms) so that short-lived children and the
/// peak memory are seen; machine energy comes from the shared monitor's window, opened just
/// before the spawn (`Start`) and closed by `finish` (as soon as the tree has ended). The root
/// is a program just started, so all its CPU time belongs to the window.
public final class TreeAccounting {
  /// One interval of the time series.
  public struct Row: Sendable {
    /// Seconds since the start at the end of the interval, and the interval's length.
    public var time: Double
    public var seconds: Double
    /// Whole-machine joules per domain in the interval.
    public var domains: [(name: String, joules: Double)]
    /// CPUs the tree kept busy on average (1.0 = one CPU all the time).
    public var treeCPUs: Double
    /// The tree's share of the machine's busy CPU in the interval.
    public var share: Double
  }

  public var tree: ProcessTreeCPU { share.tree }
  public let sampleInterval: Double
  public let seriesInterval: Double?
  public private(set) var rows: [Row] = []

  private let monitor: EnergyMonitor
  private let estimate: CPUPowerModel?
  private let window: EnergyMeasurement
  /// The tree's share of the machine's busy CPU: Energy's one window for it, sampled here on ticks.
  private let share: TreeShareWindow
  private var first: CPUSample { share.first }
  private let started: Double
  private var last: CPUSample { share.last }
  private var lastSampleTime: Double
  private var slice: (window: EnergyMeasurement, sample: CPUSample, time: Double)?
  private var result: TreeEnergy?
  private let gpu: GPUUse?

  /// The energy window, clock and machine's busy CPU time at the start, taken just before the
  /// program is spawned: the program runs from inside the spawn call, so its window opens first.
  public struct Start {
    let monitor: EnergyMonitor
    let window: EnergyMeasurement
    let machineBusySeconds: Double
    /// Monotonic seconds when the window opened.
    public let time: Double

    public init(monitor: EnergyMonitor = .shared) {
      self.monitor = monitor
      window = monitor.begin()
      machineBusySeconds = ProcStat.machineBusySeconds()
      time = MonotonicClock.now()
    }
  }

  /// Follows `root`, a program spawned just after `start`: all its CPU time is the window's.
  public init(root: pid_t, start: Start, sampleInterval: Double = 0.1, seriesInterval: Double? = nil) {
    monitor = start.monitor
    // Rows close on samples, so a finer series needs finer samples (`joule measure --interval 50`).
    self.sampleInterval = min(sampleInterval, seriesInterval ?? sampleInterval)
    self.seriesInterval = seriesInterval
    estimate = monitor.meters.compactMap { ($0 as? EstimateMeter)?.model }.first
    gpu = monitor.meters.compactMap { $0 as? NVMLMeter }.first.map(GPUUse.init)
    window = start.window
    share = TreeShareWindow(root: root, countsFromStart: true, machineBusySecondsAtStart: start.machineBusySeconds)
    started = start.time
    lastSampleTime = started
    if seriesInterval != nil { slice = (monitor.begin(), first, started) }
  }

  /// Follows `root` from now on, with a window that opens now.
  public convenience init(root: pid_t, monitor: EnergyMonitor = .shared, sampleInterval: Double = 0.1,
                          seriesInterval: Double? = nil) {
    self.init(root: root, start: Start(monitor: monitor), sampleInterval: sampleInterval, seriesInterval: seriesInterval)
  }

  /// Monotonic seconds when the window opened.
  public var startedAt: Double { started }

  /// The tree as last seen: the root first, then its descendants.
  public var followed: [Int32] { last.pids }

  /// The tree's CPU seconds so far.
  public var cpuSeconds: Double { last.treeSeconds - first.treeSeconds }

  /// The tree's joules so far, for progress lines and reports: the machine's joules (the
  /// poller's running total) × the share as of the last sample.
  public var joulesSoFar: Double {
    if let result { return result.joules }
    return window.joulesSoFar * share.fractionSoFar
  }

  /// Samples the tree when `sampleInterval` has passed (and closes a series row when due).
  public func tick() {
    let now = MonotonicClock.now()
    guard now - lastSampleTime >= sampleInterval else { return }
    sample(at: now)
  }

  /// Samples the tree now: call when the root has just ended, before it is reaped.
  public func sample() { sample(at: MonotonicClock.now()) }

  private func sample(at now: Double) {
    share.sample()
    gpu?.sample(pids: Set(last.pids))
    lastSampleTime = now
    if let interval = seriesInterval, let s = slice, now - s.time >= interval {
      closeSlice(s, at: now, reopen: true)
    }
  }

  private func closeSlice(_ s: (window: EnergyMeasurement, sample: CPUSample, time: Double), at now: Double, reopen: Bool) {
    let reading = s.window.finish()
    slice = reopen ? (monitor.begin(), last, now) : nil
    let dt = max(1e-9, now - s.time)
    let machine = MachineEnergy(reading, treeRSSBytes: last.peakRSSBytes, estimate: estimate)
    // The row's length is its energy window's (poll to poll), so that joules / seconds is the
    // domain's mean power; the tree's CPUs use the tree samples' own clock.
    rows.append(Row(time: now - started, seconds: reading.seconds > 0 ? reading.seconds : dt,
                    domains: machine.domains.map { ($0.name, $0.joules) },
                    treeCPUs: (last.treeSeconds - s.sample.treeSeconds) / dt,
                    share: CPUShare.fraction(from: s.sample, to: last)))
  }

  /// Closes the window; later calls return the same figures.
  @discardableResult
  public func finish() -> TreeEnergy {
    if let result { return result }
    let now = MonotonicClock.now()
    share.sample()
    gpu?.sample(pids: Set(last.pids))
    if let s = slice { closeSlice(s, at: now, reopen: false) }
    let reading = window.finish()
    let share = self.share.finish()
    let machine = MachineEnergy(reading, treeRSSBytes: last.peakRSSBytes, estimate: estimate, gpu: gpu)
    var notes = reading.notes
    if reading.estimated && estimate != nil {
      notes.append("estimated for the whole machine from its busy CPU time (/proc/stat), then shared by CPU time; "
        + "memory: the tree's peak resident size")
    }
    if let gpu {
      notes.append(gpu.isComplete
        ? "GPU energy shared by the tree's part of each GPU's utilisation (NVML per-process samples)"
        : "GPU energy is the whole GPU's, shared by CPU time (the driver gives no per-process GPU utilisation)")
    }
    var r = TreeEnergy(
      joules: machine.treeJoules(share: share), machineJoules: machine.joules, share: share,
      cpuSeconds: last.treeSeconds - first.treeSeconds, peakRSSBytes: last.peakRSSBytes, seconds: reading.seconds,
      source: reading.source, attribution: CPUShare.method, estimated: reading.estimated,
      model: reading.estimated ? reading.model : nil,
      domains: machine.domains.map { ($0.name, $0.joules) }, notes: notes)
    r.scope = reading.scope
    r.machineCPUSeconds = reading.busyCPUSeconds
    if reading.estimated, let i = reading.interval, reading.joules > 0 {
      let part = r.joules / reading.joules
      r.interval = EnergyInterval(low: i.low * part, high: i.high * part)
    }
    result = r
    return r
  }
}
