import Energy
import Foundation

/// A process tree's part of each GPU's busy time, from NVML's per-process utilisation samples.
///
///     let use = GPUUse(meter: nvml)
///     use.sample(pids: [4242, 4243])        // every time the tree is sampled
///     use.fraction(of: "gpu-0")             // 0.75: its SM time over all processes' SM time
///     use.fraction(of: "gpu-1")             // nil: the driver cannot say; share by CPU instead
///
/// The same rule as the CPU share: a GPU's joules go to the processes that kept it busy, in
/// proportion to their SM utilisation; when nobody used it, to nobody.
final class GPUUse {
  let meter: NVMLMeter
  private var since: [UInt64]
  private var tree: [Double]
  private var total: [Double]
  private var supported: [Bool]

  init(meter: NVMLMeter) {
    self.meter = meter
    let n = meter.gpus.count
    // NVML stamps samples in microseconds of wall-clock time; older ones belong to others.
    since = Array(repeating: UInt64(Date().timeIntervalSince1970 * 1e6), count: n)
    tree = Array(repeating: 0, count: n)
    total = Array(repeating: 0, count: n)
    supported = Array(repeating: true, count: n)
  }

  /// Reads the samples that arrived since the last call.
  func sample(pids: Set<Int32>) {
    for g in meter.gpus.indices where supported[g] {
      guard let samples = meter.processUtilization(gpu: g, since: since[g]) else {
        supported[g] = false
        continue
      }
      for s in samples {
        since[g] = max(since[g], s.timestamp)
        total[g] += Double(s.smUtil)
        if pids.contains(s.pid) { tree[g] += Double(s.smUtil) }
      }
    }
  }

  /// True when every GPU gave per-process samples.
  var isComplete: Bool { supported.allSatisfy { $0 } }

  /// The tree's fraction of a GPU domain ("gpu-0"), or nil when that GPU cannot say.
  func fraction(of domain: String) -> Double? {
    guard let g = meter.gpus.firstIndex(where: { "gpu-\($0.index)" == domain }), supported[g] else { return nil }
    return total[g] > 0 ? min(1, tree[g] / total[g]) : 0
  }
}
