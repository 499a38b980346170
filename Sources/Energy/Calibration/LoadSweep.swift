/// A calibration sweep: idle, then 10%…100% of every logical CPU with scalar and with vector
/// work, reading the package counter and the machine's busy time around each phase.
///
///     var sweep = LoadSweep(secondsPerPhase: 5, generator: DutyCycleLoad(threads: 8), logicalCPUs: 8,
///                           packageJoules: counter, busyCPUSeconds: ProcStat.machineBusySeconds)
///     let points = try sweep.run()      // 21 SweepPoints
///
/// Each phase first runs unmeasured for `settleFraction` of its time, so the package's power
/// (and its fans and clocks) reach the new load before the counter is read. The clock, the
/// counter, the busy time and the load are all injected: the test drives a fake machine whose
/// counter advances as a known function of the load asked for, in no real time.
public struct LoadSweep {
  public struct Phase: Equatable {
    public var work: SweepWork
    public var load: Double
  }

  /// Idle first, then each load with scalar work and vector work.
  public static let phases: [Phase] = [Phase(work: .idle, load: 0)]
    + (1...10).flatMap { i in [Phase(work: .scalar, load: Double(i) / 10), Phase(work: .vector, load: Double(i) / 10)] }

  public var secondsPerPhase: Double
  public var settleFraction = 0.2
  public var generator: LoadGenerator
  public var logicalCPUs: Int
  /// Cumulative package joules (the RAPL package domains, unwrapped).
  public var packageJoules: () -> Double
  /// The machine's busy CPU seconds, all CPUs (/proc/stat).
  public var busyCPUSeconds: () -> Double
  /// Monotonic seconds.
  public var clock: () -> Double = MonotonicClock.now
  public var shouldStop: () -> Bool = { false }
  /// Told after each phase: its index (1-based), the phase count and what it measured.
  public var progress: (Int, Int, SweepPoint) -> Void = { _, _, _ in }

  public init(secondsPerPhase: Double, generator: LoadGenerator, logicalCPUs: Int,
              packageJoules: @escaping () -> Double, busyCPUSeconds: @escaping () -> Double) {
    self.secondsPerPhase = secondsPerPhase
    self.generator = generator
    self.logicalCPUs = logicalCPUs
    self.packageJoules = packageJoules
    self.busyCPUSeconds = busyCPUSeconds
  }

  /// Runs every phase; throws `CalibrationError.interrupted` when `shouldStop` turns true.
  public func run() throws -> [SweepPoint] {
    var points: [SweepPoint] = []
    let stop = shouldStop
    for (i, phase) in Self.phases.enumerated() {
      let settle = secondsPerPhase * settleFraction
      if settle > 0 { generator.run(load: phase.load, work: phase.work, seconds: settle, shouldStop: stop) }
      if stop() { throw CalibrationError.interrupted }
      let (t0, e0, b0) = (clock(), packageJoules(), busyCPUSeconds())
      generator.run(load: phase.load, work: phase.work, seconds: secondsPerPhase - settle, shouldStop: stop)
      if stop() { throw CalibrationError.interrupted }
      let (t1, e1, b1) = (clock(), packageJoules(), busyCPUSeconds())
      let dt = t1 - t0
      guard dt > 0 else { throw CalibrationError.fit("the clock did not advance during a phase") }
      let u = min(1, max(0, (b1 - b0) / (dt * Double(logicalCPUs))))
      let point = SweepPoint(work: phase.work, load: phase.load, utilisation: u, seconds: dt, joules: e1 - e0)
      points.append(point)
      progress(i + 1, Self.phases.count, point)
    }
    return points
  }
}
