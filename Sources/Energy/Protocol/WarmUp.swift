import Foundation

/// Busy work that brings the machine to its working state (clock, temperature, fans) before the
/// first measured run, as the measurement practice for energy experiments asks: a cold machine
/// draws differently in its first minute, and that would fall on whichever runs come first.
///
///     let seconds = WarmUp.run(seconds: 60, shouldStop: { Interrupt.requested })
///
/// Every core multiplies and adds over a small array (it stays in cache, so the cores, not the
/// memory, set the pace). The caller measures the energy around it and reports it apart.
public enum WarmUp {
  /// Keeps `threads` cores busy for `seconds` or until `shouldStop`; returns the seconds spent.
  @discardableResult
  public static func run(seconds: Double, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                         shouldStop: () -> Bool) -> Double {
    guard seconds > 0 else { return 0 }
    let started = Date()
    let deadline = started.addingTimeInterval(seconds)
    let stop = StopFlag()
    // The main thread watches the clock and the caller's stop condition; workers poll the flag.
    let watcher = Thread {
      while Date() < deadline && !stop.isSet { Thread.sleep(forTimeInterval: 0.02) }
      stop.set()
    }
    watcher.start()
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: max(1, threads)) { _ in burn(until: stop) }
    }
    while !stop.isSet {
      if shouldStop() { stop.set() }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return Date().timeIntervalSince(started)
  }

  /// Floating-point work in short chunks between looks at the flag.
  private static func burn(until stop: StopFlag) {
    var a = [Double](repeating: 1.000_001, count: 512)
    var acc = 0.0
    while !stop.isSet {
      for _ in 0..<200 {
        for i in a.indices { a[i] = a[i] * 0.999_999_7 + 1e-7; acc += a[i] }
      }
    }
    if acc == .infinity { print(acc) }  // keeps the optimiser from dropping the loop
  }
}

/// A flag set once from any thread.
final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
  func set() { lock.lock(); value = true; lock.unlock() }
}
