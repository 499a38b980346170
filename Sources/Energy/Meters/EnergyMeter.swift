/// A source of energy figures that the shared poller samples: RAPL, NVML or the estimate.
///
///     let meter = EstimateMeter(model: .detect())
///     let first = meter.sample(at: 0)        // cumulative joules per domain
///     let later = meter.sample(at: 1.5)
///
/// `sample(at:)` returns each domain's energy since the meter was created, never decreasing:
/// counters that wrap are unwrapped inside the meter, domains that vanish stay at their last
/// value and say why through `drainNotes()`.
public protocol EnergyMeter: AnyObject {
  /// "rapl", "nvml" or "estimate".
  var source: String { get }
  /// True when the figures come from a model rather than a hardware counter.
  var isEstimate: Bool { get }
  /// For estimates: the model and its parameters, shown beside every figure.
  var modelDescription: String? { get }
  /// Cumulative joules per domain since the meter was created; `time` is monotonic seconds.
  func sample(at time: Double) -> [DomainEnergy]
  /// Things that went wrong since the last call (a domain vanished, garbage in a counter).
  func drainNotes() -> [String]
  /// What the figures count: `package` for every counter; the estimate's model says for it.
  var scope: EnergyScope { get }
  /// For estimates: cumulative joules with the 80 % interval's ends, as of the last sample.
  var bounds: EstimateBounds? { get }
}

extension EnergyMeter {
  public var scope: EnergyScope { .package }
  public var bounds: EstimateBounds? { nil }
}

/// One domain's cumulative energy, e.g. RAPL `package-0` or NVML `gpu-1`.
public struct DomainEnergy: Equatable {
  /// What a domain is, so ledgers can fill CodeCarbon's cpu/gpu/ram columns.
  public enum Category: String, Equatable {
    case cpu, gpu, ram, platform
  }

  public var name: String
  public var joules: Double
  public var category: Category
  /// False for domains nested inside a counted one (RAPL core inside package): shown, not added.
  public var counted: Bool

  public init(name: String, joules: Double, category: Category, counted: Bool = true) {
    self.name = name
    self.joules = joules
    self.category = category
    self.counted = counted
  }
}
