/// One phase of a calibration sweep: the work and load asked for, the utilisation the machine
/// showed and the package power RAPL read.
///
///     SweepPoint(work: .vector, load: 0.5, utilisation: 0.51, seconds: 5, joules: 160)   // 32 W
public struct SweepPoint: Equatable, Sendable {
  public var work: SweepWork
  /// The duty cycle asked of every logical CPU, 0…1.
  public var load: Double
  /// The machine's busy CPU seconds / (wall seconds × logical CPUs) over the phase.
  public var utilisation: Double
  public var seconds: Double
  /// RAPL package joules over the phase.
  public var joules: Double

  public var watts: Double { seconds > 0 ? joules / seconds : 0 }

  public init(work: SweepWork, load: Double, utilisation: Double, seconds: Double, joules: Double) {
    self.work = work
    self.load = load
    self.utilisation = utilisation
    self.seconds = seconds
    self.joules = joules
  }
}
