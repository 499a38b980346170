import Foundation
import Testing
import TuneNumerics

/// Central difference of `f` along coordinate `k`.
private func centralDifference(_ f: ([Double]) -> Double, at x: [Double], _ k: Int, h: Double = 1e-6) -> Double {
  var up = x, down = x
  up[k] += h
  down[k] -= h
  return (f(up) - f(down)) / (2 * h)
}

@Test func posteriorGradientsMatchFiniteDifferences() throws {
  let gp = try GaussianProcess(x: NumpyReference.x, y: NumpyReference.y, kernel: NumpyReference.kernel,
                               hyperparameters: NumpyReference.hyper)
  // Away from training points, and one sitting on a training point's ordered coordinates.
  for point in [[0.23, 0.41, 1.0 / 6], [0.61, 0.12, 5.0 / 6], [0.40, 0.90, 3.0 / 6]] {
    let p = gp.predictWithGradient(point)
    #expect(abs(p.mean - gp.predict(point).mean) < 1e-12)
    #expect(abs(p.variance - gp.predict(point).variance) < 1e-12)
    for k in 0..<2 {
      let dm = centralDifference({ gp.predict($0).mean }, at: point, k)
      let dv = centralDifference({ gp.predict($0).variance }, at: point, k)
      #expect(abs(dm - p.meanGradient[k]) < 1e-6 * max(1, abs(dm)), "∂μ/∂x\(k) at \(point): \(dm) vs \(p.meanGradient[k])")
      #expect(abs(dv - p.varianceGradient[k]) < 1e-6 * max(1, abs(dv)), "∂σ²/∂x\(k) at \(point): \(dv) vs \(p.varianceGradient[k])")
    }
    // The choice dimension is compared by equality: no gradient.
    #expect(p.meanGradient[2] == 0 && p.varianceGradient[2] == 0)
  }
}

@Test func logExpectedImprovementDerivativesMatchFiniteDifferences() {
  let ei = ExpectedImprovement(best: 0.5)
  // z from +2 down to −60, across the switch to the asymptotic series at z = −25.
  for (mean, sd) in [(0.9, 0.2), (0.3, 0.4), (-0.7, 0.2), (-4.49, 0.2), (-4.51, 0.2), (-11.5, 0.2)] {
    let r = ei.logValueAndDerivatives(mean: mean, sd: sd)
    let f: ([Double]) -> Double = { ei.logValue(mean: $0[0], sd: $0[1]) }
    let dm = centralDifference(f, at: [mean, sd], 0, h: 1e-7)
    let ds = centralDifference(f, at: [mean, sd], 1, h: 1e-7)
    #expect(r.value.isFinite)
    #expect(abs(dm - r.dMean) < 1e-5 * max(1, abs(dm)), "∂/∂μ at (\(mean), \(sd)): \(dm) vs \(r.dMean)")
    #expect(abs(ds - r.dSd) < 1e-5 * max(1, abs(ds)), "∂/∂σ at (\(mean), \(sd)): \(ds) vs \(r.dSd)")
  }
  // The two formulas meet at z = −25 (to the series' truncation, 945/25⁸ relative): across a step
  // of 2e-9 in z, h changes by about |z|·2e-9 = 5e-8.
  let below = ei.logValue(mean: 0.5 - (25 + 1e-9) * 0.2, sd: 0.2)
  let above = ei.logValue(mean: 0.5 - (25 - 1e-9) * 0.2, sd: 0.2)
  #expect(abs(below - above) < 1e-7)
}

@Test func boundedLBFGSStopsAtTheBoxAndFindsInteriorMinima() throws {
  // Rosenbrock's minimum (1, 1) lies outside [−2, 0.5]²: the answer sits on the x₀ = 0.5 face,
  // where x₁ = x₀² = 0.25.
  let rosenbrock: ([Double]) -> (Double, [Double])? = { x in
    let a = 1 - x[0], b = x[1] - x[0] * x[0]
    return (a * a + 100 * b * b, [-2 * a - 400 * x[0] * b, 200 * b])
  }
  let boxed = try #require(BoundedLBFGS().minimize([-1.2, 1], lower: [-2, -2], upper: [0.5, 0.5], rosenbrock))
  #expect(abs(boxed.x[0] - 0.5) < 1e-9)
  #expect(abs(boxed.x[1] - 0.25) < 1e-4)
  let free = try #require(BoundedLBFGS(maxIterations: 500, projectedGradientTolerance: 1e-8)
    .minimize([-1.2, 1], lower: [-5, -5], upper: [5, 5], rosenbrock))
  #expect(abs(free.x[0] - 1) < 1e-4 && abs(free.x[1] - 1) < 1e-4)
  // Starts outside the box are clamped in before the first evaluation.
  let clamped = try #require(BoundedLBFGS().minimize([9, 9], lower: [0, 0], upper: [1, 1]) { x in
    (x[0] + x[1], [1, 1])
  })
  #expect(clamped.x == [0, 0])
}
