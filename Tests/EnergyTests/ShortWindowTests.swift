import Energy
import Foundation
import Testing

/// Windows shorter than the poll interval (an epoch of a tiny model, a quick cell) are read
/// from the same cumulative integral as long ones, at their own instants: their mean power is
/// what the meters saw, never more than the model's maximum.
@Suite(.serialized) struct ShortWindowTests {
  @Test func subWindowsShorterThanThePollIntervalStayWithinTheModelsMaximum() {
    // The estimate from this machine's real busy time, with P_max 10 W (JOULE_CPU_WATTS's form).
    let monitor = MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": "/nonexistent", "JOULE_NVML_LIBRARY": "/nonexistent",
                                                     "JOULE_CPU_WATTS": "3,10"]).monitor(interval: 0.05)
    let w = monitor.begin()
    // Busy on every core, so the estimate's utilisation saturates and jiffy rounding would
    // push a naive short-window figure past 100%.
    let end = MonotonicClock.now() + 0.4
    let workers = (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in
      Thread {
        var x = 0.0
        while MonotonicClock.now() < end { x += sin(x) + 1 }
        _ = x
      }
    }
    for t in workers { t.start() }
    var marks: [(seconds: Double, joules: Double)] = [w.mark()]
    while MonotonicClock.now() < end {
      usleep(7_000)   // 7 ms: far shorter than the 50 ms poll interval
      marks.append(w.mark())
    }
    let r = w.finish()
    #expect(marks.count > 20)
    // The memory term comes on top of P_max: this process's resident size, doubled for slack.
    let ceiling = 10 + ProcessUsage.residentBytes() * 2 / 1e9 * PowerModelFit.memoryWattsPerGB
    var spans = 0
    for (a, b) in zip(marks, marks.dropFirst()) where b.seconds > a.seconds {
      let watts = (b.joules - a.joules) / (b.seconds - a.seconds)
      #expect(watts <= ceiling * 1.0001, "\(watts) W over \((b.seconds - a.seconds) * 1000) ms")
      #expect(watts >= 3 * 0.999, "below P_idle: \(watts) W")
      spans += 1
    }
    #expect(spans > 20)
    // The marks and the whole window read one integral: the last mark is within the window.
    #expect(marks.last!.joules <= r.joules + 1e-9)
    #expect(r.watts <= ceiling * 1.0001)
  }
}
