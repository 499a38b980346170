/// GPU energy from NVML: the total-energy counter where the GPU has one (Volta and later),
/// else board power sampled on every poll and integrated (trapezoids).
///
///     let meter = try NVMLMeter(library: NVMLLibrary.load(), visible: [0])
///     meter.sample(at: t)   // [gpu-0: 41.2 J]
///
/// The paper sampled `nvidia-smi` power every 100 ms and multiplied the mean by the duration;
/// the shared poller samples every 50 ms, and counters are preferred when present.
public final class NVMLMeter: EnergyMeter {
  public let source = "nvml"
  public let isEstimate = false
  public let modelDescription: String? = nil
  public let library: NVMLLibrary

  public struct GPU {
    public var index: Int
    public var name: String
    public var hasEnergyCounter: Bool
    fileprivate var device: OpaquePointer?
  }

  public private(set) var gpus: [GPU] = []
  private var firstMillijoules: [UInt64?]
  private var lastPower: [(t: Double, watts: Double)?]
  private var integrated: [Double]
  private var alive: [Bool]
  private var notes: [String] = []

  public init(library: NVMLLibrary, visible: [Int]) throws {
    self.library = library
    for index in visible {
      let device = try library.device(at: index)
      let counter = (try? library.totalEnergy(device)) != nil
      gpus.append(GPU(index: index, name: library.name(device), hasEnergyCounter: counter, device: device))
    }
    firstMillijoules = Array(repeating: nil, count: gpus.count)
    lastPower = Array(repeating: nil, count: gpus.count)
    integrated = Array(repeating: 0, count: gpus.count)
    alive = Array(repeating: true, count: gpus.count)
    _ = sample(at: MonotonicClock.now())
  }

  public func sample(at time: Double) -> [DomainEnergy] {
    for i in gpus.indices where alive[i] {
      do {
        if gpus[i].hasEnergyCounter {
          let mj = try library.totalEnergy(gpus[i].device)
          if let first = firstMillijoules[i] {
            integrated[i] = max(integrated[i], Double(mj >= first ? mj - first : 0) / 1000)
          } else {
            firstMillijoules[i] = mj
          }
        } else {
          let watts = Double(try library.power(gpus[i].device)) / 1000
          if let prev = lastPower[i], time > prev.t {
            integrated[i] += (prev.watts + watts) / 2 * (time - prev.t)
          }
          lastPower[i] = (time, watts)
        }
      } catch {
        alive[i] = false
        notes.append("gpu-\(gpus[i].index): \(error); dropped, its energy so far kept")
      }
    }
    return gpus.indices.map { DomainEnergy(name: "gpu-\(gpus[$0].index)", joules: integrated[$0], category: .gpu) }
  }

  /// Per-process utilisation of one of this meter's GPUs (its position in `gpus`) since a
  /// driver timestamp; nil when the driver cannot say.
  public func processUtilization(gpu position: Int, since: UInt64) -> [NVMLProcessSample]? {
    guard gpus.indices.contains(position) else { return nil }
    return library.processUtilization(gpus[position].device, since: since)
  }

  public func drainNotes() -> [String] {
    defer { notes.removeAll() }
    return notes
  }
}
