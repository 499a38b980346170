import Energy
import Foundation

/// A trial's share of the machine's joules when trials run side by side on one machine.
///
///     let share = TrialEnergy.begin()
///     ... the trial runs ...
///     let mine = share.attributed(machineJoules)    // machine joules × this tree's CPU share
///
/// RAPL, NVML and the estimate see the whole machine, so concurrent trials' windows overlap.
/// This process tree's CPU time over all busy CPU time in the window (`CPUShare`, as Scaphandre
/// and PowerJoular attribute) keeps the attributed joules of concurrent trials from adding up to
/// more than the machine's. The tree is sampled every second while the trial runs, so children
/// the trial starts and reaps are counted (`ProcessTreeCPU`).
final class TrialEnergy {
  private let tree = ProcessTreeCPU(root: getpid())
  private let first: CPUSample
  private let lock = NSLock()
  private var stopped = false

  private init() {
    first = tree.sample()
    Thread { [self] in
      while true {
        usleep(1_000_000)
        lock.lock()
        defer { lock.unlock() }
        if stopped { return }
        _ = tree.sample()
      }
    }.start()
  }

  static func begin() -> TrialEnergy { TrialEnergy() }

  /// The share of `machineJoules` this tree earned since `begin`; ends the sampling.
  func attributed(_ machineJoules: Double) -> Double {
    lock.lock()
    defer { lock.unlock() }
    stopped = true
    return CPUShare.joules(machine: machineJoules, from: first, to: tree.sample())
  }
}
