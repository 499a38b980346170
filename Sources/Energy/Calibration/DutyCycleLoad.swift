import Foundation

/// Real load for a calibration sweep: one thread per logical CPU, each busy for `load` of every
/// 10 ms period and asleep for the rest.
///
///     DutyCycleLoad(threads: ProcStat.onlineCPUs()).run(load: 0.3, work: .scalar, seconds: 5) { false }
///
/// The 10 ms period is the one cpulimit and stress-ng's `--cpu-load` use: long enough that the
/// scheduler's tick (1–4 ms) does not blur the duty cycle, short enough that the package's
/// power averages over many periods within a phase. Scalar work is a dependent chain of
/// integer and floating-point steps (one value in flight); vector work is multiply-adds over
/// a 256-float array that stays in L1 and that the compiler turns into SIMD instructions.
public struct DutyCycleLoad: LoadGenerator {
  public var threads: Int
  public var period = 0.010

  public init(threads: Int) { self.threads = max(1, threads) }

  public func run(load: Double, work: SweepWork, seconds: Double, shouldStop: @escaping () -> Bool) {
    busySeconds(load: load, work: work, seconds: seconds, shouldStop: shouldStop)
  }

  /// Runs the load and returns the CPU seconds its own threads used (each thread's clock,
  /// CLOCK_THREAD_CPUTIME_ID), so a check of the duty cycle is not blurred by other threads of
  /// the same process.
  @discardableResult
  public func busySeconds(load: Double, work: SweepWork, seconds: Double, shouldStop: @escaping () -> Bool) -> Double {
    let end = MonotonicClock.now() + seconds
    guard load > 0, work != .idle else {
      while MonotonicClock.now() < end && !shouldStop() { Self.sleep(min(0.1, end - MonotonicClock.now())) }
      return 0
    }
    let used = NSLock()
    var total = 0.0
    let duty = min(1, load)
    let group = DispatchGroup()
    for _ in 0..<threads {
      group.enter()
      let thread = Thread { [period] in
        var sink = 0.0
        var scalarState: UInt64 = 0x9E37_79B9_7F4A_7C15
        var vector = [Float](repeating: 1.0001, count: 256)
        var checked = MonotonicClock.now()
        while true {
          let start = MonotonicClock.now()
          if start >= end { break }
          if start - checked > 0.1 { if shouldStop() { break }; checked = start }
          let busyUntil = start + period * duty
          while MonotonicClock.now() < busyUntil {
            if work == .vector { sink += Self.vectorChunk(&vector) } else { sink += Self.scalarChunk(&scalarState) }
          }
          if duty < 1 { Self.sleep(start + period - MonotonicClock.now()) }
        }
        // Keeps the work observable so the optimiser cannot drop it.
        if sink == -1 { print(sink) }
        let mine = Self.threadCPUSeconds()
        used.lock()
        total += mine
        used.unlock()
        group.leave()
      }
      thread.start()
    }
    group.wait()
    return total
  }

  /// The calling thread's CPU seconds since it started.
  static func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// About a microsecond of dependent scalar steps (xorshift, then a floating-point update).
  static func scalarChunk(_ s: inout UInt64) -> Double {
    var x = 0.5
    for _ in 0..<256 {
      s ^= s << 13; s ^= s >> 7; s ^= s << 17
      x = x * 0.999_999 + Double(s & 0xFF) * 1e-9
    }
    return x
  }

  /// 256 multiply-adds on a small array, vectorised by the compiler.
  static func vectorChunk(_ v: inout [Float]) -> Double {
    v.withUnsafeMutableBufferPointer { b in
      for _ in 0..<4 {
        for i in 0..<b.count { b[i] = b[i] * 0.999_99 + 0.000_01 }
      }
    }
    return Double(v[0])
  }

  static func sleep(_ seconds: Double) {
    guard seconds > 0 else { return }
    usleep(useconds_t(seconds * 1e6))
  }
}
