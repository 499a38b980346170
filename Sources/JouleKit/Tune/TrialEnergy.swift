import Energy
import Foundation

/// A trial's share of the machine's joules when trials run side by side on one machine.
///
///     let share = TrialEnergy.begin()
///     defer { share.stop() }
///     ... the trial runs ...
///     let mine = share.attributed(machineJoules)    // machine joules × this tree's CPU share
///
/// RAPL, NVML and the estimate see the whole machine, so concurrent trials' windows overlap.
/// This process tree's CPU time over all busy CPU time in the window (`CPUShare`, as Scaphandre
/// and PowerJoular attribute) keeps the attributed joules of concurrent trials from adding up to
/// more than the machine's. The tree is sampled every second while the trial runs, so children
/// the trial starts and reaps are counted (`ProcessTreeCPU`). The sampling thread ends as soon
/// as `stop()` or `attributed(_:)` is called, whatever the objective returned.
final class TrialEnergy {
  private let tree = ProcessTreeCPU(root: getpid())
  private let first: CPUSample
  private let condition = NSCondition()
  private var stopped = false

  private init() {
    first = tree.sample()
    let thread = Thread { [self] in
      condition.lock()
      defer { condition.unlock() }
      while !stopped {
        if !condition.wait(until: Date(timeIntervalSinceNow: 1)) && !stopped { _ = tree.sample() }
      }
    }
    thread.name = "joule trial energy"
    thread.start()
  }

  static func begin() -> TrialEnergy { TrialEnergy() }

  /// Ends the sampling thread without attributing anything.
  func stop() {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
  }

  /// The share of `machineJoules` this tree earned since `begin`; ends the sampling.
  func attributed(_ machineJoules: Double) -> Double {
    stop()
    condition.lock()
    defer { condition.unlock() }
    return CPUShare.joules(machine: machineJoules, from: first, to: tree.sample())
  }
}
