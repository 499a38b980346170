#if canImport(Glibc)
import Glibc
#endif

/// Seconds on the monotonic clock: immune to wall-clock changes, shared by every meter.
///
///     let t0 = MonotonicClock.now()
///     let elapsed = MonotonicClock.now() - t0
public enum MonotonicClock {
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}
