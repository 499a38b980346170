import Foundation

/// Monotonic seconds, for step and layer timing.
///
///     let t0 = Clock.now
///     work()
///     let seconds = Clock.since(t0)
enum Clock {
  static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
  static func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9 }
}
