/// The estimate used when no counter can be read: the machine's power model applied to its
/// busy CPU time, plus memory.
///
///     let meter = EstimateMeter(model: CPUPowerModel.detect(environment: env).model)
///     meter.sample(at: MonotonicClock.now())   // [cpu: 3.1 J, ram: 0.02 J]
///     meter.bounds                             // EstimateBounds(joules: 3.12, low: 2.7, high: 4.8)
///
/// It stands in for a RAPL package counter (or, in the wall scope, a plug meter), so it models
/// what that counter sees: the machine. On each poll, u = (the machine's busy CPU seconds since
/// the last poll, from /proc/stat) / (wall seconds × logical CPUs) and the interval adds P(u)·Δt
/// to `cpu`, and the 80 % interval's ends P_low(u)·Δt and P_high(u)·Δt to `bounds`; every
/// process's work counts, joule's own, its children's and strangers', as it would on the
/// counter. Whose part is whose is the attribution's business (`CPUShare`), for the estimate as
/// for RAPL. Memory adds this process's resident size × W/GB × Δt to `ram` (the rest of the
/// machine's memory power is not known). Every figure it produces is labelled estimated, with
/// `modelDescription`, which says what it covers.
public final class EstimateMeter: EnergyMeter {
  public let source = "estimate"
  public let isEstimate = true
  public let model: CPUPowerModel
  public var modelDescription: String? { Self.coverage + model.description }
  public var scope: EnergyScope { model.scope }

  /// What the estimate's figures cover, leading its description.
  public static let coverage = "whole machine's busy CPU time (/proc/stat) and the measured process's resident memory: "

  private let cpuSeconds: () -> Double
  private let residentBytes: () -> Double
  private var last: (t: Double, cpu: Double)?
  private var cpuJoules = 0.0
  private var ramJoules = 0.0
  private var cpuLow = 0.0
  private var cpuHigh = 0.0
  private var busy = 0.0

  /// `cpuSeconds` (busy CPU seconds, any origin) and `residentBytes` are seams for tests; they
  /// default to the machine's busy time and this process's resident memory.
  public init(model: CPUPowerModel, cpuSeconds: @escaping () -> Double = ProcStat.machineBusySeconds,
              residentBytes: @escaping () -> Double = ProcessUsage.residentBytes, start: Double = MonotonicClock.now()) {
    self.model = model
    self.cpuSeconds = cpuSeconds
    self.residentBytes = residentBytes
    _ = sample(at: start)
  }

  public func sample(at time: Double) -> [DomainEnergy] {
    let cpu = cpuSeconds()
    if let last, time > last.t {
      let dt = time - last.t
      let used = max(0, cpu - last.cpu)
      let u = used / (dt * Double(model.logicalCPUs))
      let w = model.watts(utilisation: u)
      cpuJoules += w * dt
      cpuLow += w * model.intervalLow * dt
      cpuHigh += w * model.intervalHigh * dt
      busy += used
      ramJoules += model.ramWatts(residentBytes: residentBytes()) * dt
    }
    if last == nil || time > last!.t { last = (time, cpu) }
    return [DomainEnergy(name: "cpu", joules: cpuJoules, category: .cpu),
            DomainEnergy(name: "ram", joules: ramJoules, category: .ram)]
  }

  /// Cumulative totals since the meter was created, as of the last `sample`. Memory is in all
  /// three at its point figure (its W/GB has no validated interval).
  public var bounds: EstimateBounds? {
    EstimateBounds(joules: cpuJoules + ramJoules, low: cpuLow + ramJoules, high: cpuHigh + ramJoules, busyCPUSeconds: busy)
  }

  public func drainNotes() -> [String] { [] }
}
