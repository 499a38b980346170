/// The estimate used when no counter can be read: a linear CPU model plus resident memory.
///
///     let meter = EstimateMeter(model: CPUPowerModel.detect(environment: env).model)
///     meter.sample(at: MonotonicClock.now())   // [cpu: 3.1 J, ram: 0.02 J]
///
/// On each poll, u = (CPU seconds since the last poll) / (wall seconds × logical CPUs) and the
/// interval adds P(u)·Δt to `cpu` and RSS × W/GB × Δt to `ram`. Every figure it produces is
/// labelled estimated, with `modelDescription`.
public final class EstimateMeter: EnergyMeter {
  public let source = "estimate"
  public let isEstimate = true
  public let model: CPUPowerModel
  public var modelDescription: String? { model.description }

  private let cpuSeconds: () -> Double
  private let residentBytes: () -> Double
  private var last: (t: Double, cpu: Double)?
  private var cpuJoules = 0.0
  private var ramJoules = 0.0

  /// `cpuSeconds` and `residentBytes` are seams for tests; they default to this process.
  public init(model: CPUPowerModel, cpuSeconds: @escaping () -> Double = ProcessUsage.cpuSeconds,
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
      let u = (cpu - last.cpu) / (dt * Double(model.logicalCPUs))
      cpuJoules += model.cpuWatts(utilisation: u) * dt
      ramJoules += model.ramWatts(residentBytes: residentBytes()) * dt
    }
    if last == nil || time > last!.t { last = (time, cpu) }
    return [DomainEnergy(name: "cpu", joules: cpuJoules, category: .cpu),
            DomainEnergy(name: "ram", joules: ramJoules, category: .ram)]
  }

  public func drainNotes() -> [String] { [] }
}
