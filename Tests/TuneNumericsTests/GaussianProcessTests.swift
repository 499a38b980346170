import Foundation
import Testing
import TuneNumerics

/// The reference numbers come from this numpy script (numpy 2.4.6, run once; it inverts K
/// directly instead of using a Cholesky factor, so it shares no code path with joule):
///
///     import numpy as np
///     X = np.array([[0.10, 0.20, 1/6], [0.40, 0.90, 3/6], [0.75, 0.35, 5/6], [0.95, 0.60, 1/6], [0.50, 0.50, 3/6]])
///     y = np.array([0.3, -1.2, 0.8, 1.5, -0.4])
///     Xs = np.array([[0.20, 0.30, 1/6], [0.60, 0.70, 5/6], [0.40, 0.90, 3/6]])
///     ell = np.array([0.3, 0.7, 0.5]); sf2 = 1.3; sn2 = 0.01; categorical = [False, False, True]
///     def k(a, b):
///         r2 = sum((float(a[i] != b[i]) if categorical[i] else (a[i] - b[i]) ** 2) / ell[i] ** 2 for i in range(3))
///         r = np.sqrt(r2)
///         return sf2 * (1 + np.sqrt(5) * r + 5 * r2 / 3) * np.exp(-np.sqrt(5) * r)
///     K = np.array([[k(a, b) for b in X] for a in X]) + sn2 * np.eye(len(X))
///     Ks = np.array([[k(a, b) for b in X] for a in Xs]); Kinv = np.linalg.inv(K)
///     mean = Ks @ Kinv @ y; var = sf2 - np.einsum('ij,jk,ik->i', Ks, Kinv, Ks)
///     lml = -0.5 * y @ Kinv @ y - 0.5 * np.linalg.slogdet(K)[1] - 0.5 * len(X) * np.log(2 * np.pi)
enum NumpyReference {
  static let x: [[Double]] = [[0.10, 0.20, 1.0 / 6], [0.40, 0.90, 3.0 / 6], [0.75, 0.35, 5.0 / 6],
                              [0.95, 0.60, 1.0 / 6], [0.50, 0.50, 3.0 / 6]]
  static let y: [Double] = [0.3, -1.2, 0.8, 1.5, -0.4]
  static let test: [[Double]] = [[0.20, 0.30, 1.0 / 6], [0.60, 0.70, 5.0 / 6], [0.40, 0.90, 3.0 / 6]]
  static let hyper = GPHyperparameters(lengthScales: [0.3, 0.7, 0.5], signalVariance: 1.3, noiseVariance: 0.01)
  static let kernel = MaternKernel(categorical: [false, false, true])
  static let mean = [0.29362966192221274, 0.4935362603759947, -1.1854097888096164]
  static let variance = [0.24712742169473612, 0.6570060466281088, 0.00983876070662526]
  static let logMarginalLikelihood = -6.70132985470393
}

@Test func posteriorMeanAndVarianceMatchNumpy() throws {
  let gp = try GaussianProcess(x: NumpyReference.x, y: NumpyReference.y, kernel: NumpyReference.kernel,
                               hyperparameters: NumpyReference.hyper)
  for (i, p) in NumpyReference.test.enumerated() {
    let (m, v) = gp.predict(p)
    #expect(abs(m - NumpyReference.mean[i]) < 1e-10)
    #expect(abs(v - NumpyReference.variance[i]) < 1e-10)
  }
  #expect(abs(gp.logMarginalLikelihood - NumpyReference.logMarginalLikelihood) < 1e-10)
}

@Test func marginalLikelihoodGradientMatchesFiniteDifferences() throws {
  let ml = MarginalLikelihood(x: NumpyReference.x, y: NumpyReference.y, kernel: NumpyReference.kernel)
  let theta = NumpyReference.hyper.theta
  let (_, grad) = try #require(ml.evaluate(theta))
  for i in 0..<theta.count {
    var up = theta, down = theta
    up[i] += 1e-6
    down[i] -= 1e-6
    let numeric = (ml.evaluate(up)!.0 - ml.evaluate(down)!.0) / 2e-6
    #expect(abs(numeric - grad[i]) < 1e-5 * max(1, abs(numeric)), "component \(i): \(numeric) vs \(grad[i])")
  }
}

@Test func fittingRaisesTheMarginalLikelihood() throws {
  var rng = SeededGenerator(seed: 3)
  let xs = (0..<20).map { _ in [rng.unit(), rng.unit()] }
  let ys = xs.map { sin(6 * $0[0]) + 0.1 * $0[1] }
  let kernel = MaternKernel(categorical: [false, false])
  let fitted = try GaussianProcess.fit(x: xs, y: ys, kernel: kernel, using: &rng)
  let plain = try GaussianProcess(x: xs, y: ys, kernel: kernel,
                                  hyperparameters: GPHyperparameters(lengthScales: [0.5, 0.5], signalVariance: 1, noiseVariance: 1e-3))
  #expect(fitted.logMarginalLikelihood > plain.logMarginalLikelihood)
  // The second input barely matters: its length scale should come out longer.
  #expect(fitted.hyperparameters.lengthScales[1] > fitted.hyperparameters.lengthScales[0])
}

@Test func duplicatePointsWithoutNoiseStillFactor() throws {
  let x = [[0.5, 0.5], [0.5, 0.5], [0.2, 0.8]]
  let gp = try GaussianProcess(x: x, y: [1, 1, 0], kernel: MaternKernel(categorical: [false, false]),
                               hyperparameters: GPHyperparameters(lengthScales: [0.3, 0.3], signalVariance: 1, noiseVariance: 0))
  let (m, v) = gp.predict([0.4, 0.6])
  #expect(m.isFinite && v.isFinite && v >= 0)
}

@Test func expectedImprovementIsZeroWhereVarianceIsZero() throws {
  let ei = ExpectedImprovement(best: 1.0)
  #expect(ei.value(mean: 1.0, sd: 0) == 0)
  #expect(ei.value(mean: 0.3, sd: 0) == 0)
  #expect(ei.logValue(mean: 0.3, sd: 0) == -.infinity)
  #expect(ei.value(mean: 1.5, sd: 0) == 0.5)
  // At a training point of an almost noise-free GP the variance vanishes, and so does EI.
  let gp = try GaussianProcess(x: NumpyReference.x, y: NumpyReference.y, kernel: NumpyReference.kernel,
                               hyperparameters: GPHyperparameters(lengthScales: [0.3, 0.7, 0.5], signalVariance: 1.3, noiseVariance: 1e-12))
  let best = NumpyReference.y.max()!
  for x in NumpyReference.x {
    let (m, v) = gp.predict(x)
    #expect(v < 1e-9)
    #expect(ExpectedImprovement(best: best).value(mean: m, sd: v.squareRoot()) < 1e-6)
  }
}

@Test func expectedImprovementMatchesTheClosedForm() {
  // (μ − f*)Φ(z) + σφ(z) with μ − f* = 0.3, σ = 0.1: z = 3.
  let phi = exp(-4.5) / (2 * Double.pi).squareRoot()
  let cdf = 0.5 * erfc(-3 / 2.0.squareRoot())
  let ei = ExpectedImprovement(best: 1.2)
  #expect(abs(ei.value(mean: 1.5, sd: 0.1) - (0.3 * cdf + 0.1 * phi)) < 1e-12)
  // The log form agrees where EI is representable and stays finite far below the incumbent.
  #expect(abs(ei.logValue(mean: 0.9, sd: 0.1) - log(ei.value(mean: 0.9, sd: 0.1))) < 1e-6)
  #expect(abs(ei.logValue(mean: 0.5, sd: 0.1) - log(ei.value(mean: 0.5, sd: 0.1))) < 1e-3)
  #expect(ei.logValue(mean: -100, sd: 0.1).isFinite)
}

@Test func probabilityOfImprovementFollowsThePaper() {
  let pi = ProbabilityOfImprovement(best: 0.8)
  #expect(abs(pi.value(mean: 0.8, sd: 0.05) - 0.5) < 1e-9)
  #expect(pi.value(mean: 0.7, sd: 0) == 0)
  #expect(abs(pi.logValue(mean: 0.85, sd: 0.05) - log(pi.value(mean: 0.85, sd: 0.05))) < 1e-9)
}

@Test func kernelCorrelationMatchesTheFormulaWithLibmExp() {
  // The kernel uses a vectorisable exp; compare with Foundation's over the whole useful range.
  for i in 0..<2000 {
    let r2 = pow(10, -8 + Double(i) * 12 / 2000)
    let r = r2.squareRoot()
    let expected = (1 + 5.0.squareRoot() * r + 5 * r2 / 3) * exp(-5.0.squareRoot() * r)
    let got = MaternKernel.correlation(r2: r2)
    #expect(abs(got - expected) <= 1e-14 * expected + 1e-300, "r² = \(r2)")
  }
}
