import Energy
import Testing

@Test func aPowerCurveRecomputesAWindowsJoulesFromWallAndBusySeconds() {
  let c = PowerCurve(name: "linear", logicalCPUs: 2) { u in 3 + 7 * u }
  #expect(abs(c.joules(seconds: 10, cpuSeconds: 10) - 65) < 1e-12)
  // Busy time above wall × CPUs (a rounding of /proc/stat) is full load, not more.
  #expect(abs(c.joules(seconds: 10, cpuSeconds: 25) - 100) < 1e-12)
  #expect(c.joules(seconds: 0, cpuSeconds: 1) == 0)
}

@Test func theEstimatesRangeSpansIdleTenToSixtyPercentAndConcaveToConvexCurves() {
  let curves = EstimateRange.curves(maxWatts: 100, logicalCPUs: 4)
  #expect(curves.count == 18)
  let byName = Dictionary(uniqueKeysWithValues: curves.map { ($0.name, $0) })
  #expect(abs(byName["idle 10%, u^1"]!.watts(0) - 10) < 1e-12)
  #expect(abs(byName["idle 60%, u^1"]!.watts(0) - 60) < 1e-12)
  for c in curves { #expect(abs(c.watts(1) - 100) < 1e-9) }
  // Concave lies above the straight line between idle and full load, convex below.
  let line = byName["idle 30%, u^1"]!.watts(0.5)
  #expect(byName["idle 30%, u^0.7"]!.watts(0.5) > line)
  #expect(byName["idle 30%, u^1.6"]!.watts(0.5) < line)
}
