/// What keeps the CPUs busy during a calibration sweep: a seam, so a test can stand a fake
/// machine (a clock that jumps, a powercap counter that advances with the load) in for threads
/// that really spin.
///
///     let g: LoadGenerator = DutyCycleLoad(threads: 2)
///     g.run(load: 0.5, work: .vector, seconds: 5, shouldStop: { false })   // 5 s at 50% per CPU
public protocol LoadGenerator {
  /// Keeps every logical CPU busy for `load` (0…1) of the time with `work`, for `seconds` of
  /// the sweep's clock or until `shouldStop()` turns true (checked at least every 0.1 s).
  func run(load: Double, work: SweepWork, seconds: Double, shouldStop: @escaping () -> Bool)
}
