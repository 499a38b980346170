import Foundation

/// A process tree's share of the machine's busy CPU time over a window: the one place that
/// turns the machine's joules into a tree's (`measure`'s `process_joules`, trials that share
/// the machine, `command()`'s and `joule measure`'s `energy_j`).
///
///     let share = TreeShareWindow(root: getpid(), every: 1)   // a sampler thread, 1 s apart
///     defer { share.stop() }
///     ... the work runs ...
///     let mine = share.joules(ofMachine: reading.joules)      // ends the window
///
/// RAPL, NVML and the estimate see the whole machine; the tree's CPU time over all busy CPU
/// time (`CPUShare`, as Scaphandre and PowerJoular attribute) keeps the joules of trees that
/// run side by side from adding up to more than the machine's. The tree must be sampled while
/// it runs, so children it starts and reaps are counted (`ProcessTreeCPU`): `every:` starts a
/// thread that does so while the caller is busy (a trial, `measure`'s function); without it
/// the owner calls `sample()` itself (`Workload`'s accounting ticks). The thread ends when the
/// window is finished or stopped, whatever happened in between.
public final class TreeShareWindow {
  public let tree: ProcessTreeCPU
  /// The tree at the start, and as last sampled.
  public let first: CPUSample
  public private(set) var last: CPUSample
  private let condition = NSCondition()
  private var stopped = false
  private var final: Double?

  /// `countsFromStart`: the root was just started, so all of its CPU time is the window's
  /// (`first` then says so: `start` is the machine's busy seconds when the window opened).
  public init(root: pid_t, every interval: Double? = nil, countsFromStart: Bool = false,
              machineBusySecondsAtStart: Double? = nil) {
    tree = ProcessTreeCPU(root: root, countsFromStart: countsFromStart)
    if countsFromStart {
      first = CPUSample(treeSeconds: 0, machineBusySeconds: machineBusySecondsAtStart ?? ProcStat.machineBusySeconds(),
                        peakRSSBytes: 0, pids: [root])
    } else {
      first = tree.sample()
    }
    last = first
    if let interval {
      let thread = Thread { [self] in
        // Named for /proc, where tests look for it (pthread_setname_np does not import into
        // Swift, and Foundation's Thread.name does not reach the kernel here); 15 characters.
        if let f = fopen("/proc/thread-self/comm", "w") { fputs("joule treeshare", f); fclose(f) }
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
          if !condition.wait(until: Date(timeIntervalSinceNow: interval)) && !stopped { last = tree.sample() }
        }
      }
      thread.start()
    }
  }

  /// Samples the tree now (the owner's tick); returns the sample.
  @discardableResult
  public func sample() -> CPUSample {
    condition.lock()
    defer { condition.unlock() }
    if final == nil { last = tree.sample() }
    return last
  }

  /// The tree's share so far, as of the last sample.
  public var fractionSoFar: Double {
    condition.lock()
    defer { condition.unlock() }
    return final ?? CPUShare.fraction(from: first, to: last)
  }

  /// Ends the window with a last sample; returns the tree's share. Later calls return the same.
  @discardableResult
  public func finish() -> Double {
    condition.lock()
    defer { condition.unlock() }
    if let final { return final }
    last = tree.sample()
    let f = CPUShare.fraction(from: first, to: last)
    final = f
    stopped = true
    condition.signal()
    return f
  }

  /// The tree's part of `machine` joules over the window (ends it).
  public func joules(ofMachine machine: Double) -> Double { machine * finish() }

  /// Ends the sampler thread without a last sample (the work failed or needs no share).
  public func stop() {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
  }

  deinit { stop() }
}
