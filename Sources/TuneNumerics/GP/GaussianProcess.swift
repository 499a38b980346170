import Foundation

/// A Gaussian-process regressor with zero prior mean and a Matérn-5/2 ARD kernel.
///
///     let gp = try GaussianProcess(x: [[0.1], [0.5], [0.9]], y: [1, -1, 0.5],
///                                  kernel: MaternKernel(categorical: [false]), hyperparameters: h)
///     let (mean, variance) = gp.predict([0.3])
///
/// Inputs live in the unit cube and outputs are expected standardised (the samplers do both).
/// `predict` gives the latent function's posterior (noise excluded), as in Rasmussen &
/// Williams (2006), Algorithm 2.1. Fitting is O(n³); each prediction O(n·d + n²/2).
public final class GaussianProcess {
  public let n: Int
  public let d: Int
  public let kernel: MaternKernel
  public let hyperparameters: GPHyperparameters
  /// Training inputs, row-major n × d.
  let xs: [Double]
  public let y: [Double]
  let cholesky: Cholesky
  /// K⁻¹ y.
  let alpha: [Double]
  let invL2: [Double]

  public init(x: [[Double]], y: [Double], kernel: MaternKernel, hyperparameters: GPHyperparameters) throws {
    guard !x.isEmpty, x.count == y.count else { throw GaussianProcessError.shape(inputs: x.count, outputs: y.count) }
    n = x.count
    d = x[0].count
    self.kernel = kernel
    self.hyperparameters = hyperparameters
    xs = x.flatMap { $0 }
    self.y = y
    invL2 = hyperparameters.lengthScales.map { 1 / ($0 * $0) }
    let k = GaussianProcess.covariance(xs, n: n, d: d, kernel: kernel, invL2: invL2,
                                       signal: hyperparameters.signalVariance, noise: hyperparameters.noiseVariance)
    cholesky = try Cholesky(matrix: k, n: n)
    alpha = cholesky.solve(y)
  }

  /// K(X, X) + σ_n² I, row-major.
  static func covariance(_ xs: [Double], n: Int, d: Int, kernel: MaternKernel, invL2: [Double],
                         signal: Double, noise: Double) -> [Double] {
    var k = [Double](repeating: 0, count: n * n)
    xs.withUnsafeBufferPointer { x in
      invL2.withUnsafeBufferPointer { il in
        k.withUnsafeMutableBufferPointer { k in
          for i in 0..<n {
            k[i * n + i] = signal + noise
            for j in 0..<i {
              let v = signal * MaternKernel.correlation(r2: kernel.r2(x, i, x, j, invL2: il, d: d))
              k[i * n + j] = v
              k[j * n + i] = v
            }
          }
        }
      }
    }
    return k
  }

  /// Posterior mean and variance of the latent function at one point.
  public func predict(_ point: [Double]) -> (mean: Double, variance: Double) {
    let r = predict(batch: point, count: 1)
    return (r.mean[0], r.variance[0])
  }

  /// Posterior means and variances at `count` points given row-major in `batch` (count × d).
  /// Variances are clamped at zero (round-off can make them slightly negative).
  ///
  /// Works on blocks of 32 candidates (an n = 100 block fits in L1) so that every inner loop runs across candidates
  /// (contiguous, no reduction) and vectorises: the triangular solve for the variances becomes
  /// n²/2 short AXPYs per block instead of one dependent chain per candidate.
  public func predict(batch: [Double], count m: Int) -> (mean: [Double], variance: [Double]) {
    let width = 32
    var means = [Double](repeating: 0, count: m)
    var vars = [Double](repeating: hyperparameters.signalVariance, count: m)
    var block = [Double](repeating: 0, count: n * width)
    var candT = [Double](repeating: 0, count: d * width)
    let signal = hyperparameters.signalVariance
    let categorical = kernel.categorical
    batch.withUnsafeBufferPointer { b in
      xs.withUnsafeBufferPointer { x in
        cholesky.lower.withUnsafeBufferPointer { l in
          block.withUnsafeMutableBufferPointer { blk in
            candT.withUnsafeMutableBufferPointer { ct in
              means.withUnsafeMutableBufferPointer { mu in
                vars.withUnsafeMutableBufferPointer { va in
                  for start in stride(from: 0, to: m, by: width) {
                    let w = min(width, m - start)
                    for c in 0..<w { for k in 0..<d { ct[k * width + c] = b[(start + c) * d + k] } }
                    // Squared scaled distances, then kernel values, row i = training point i.
                    for i in 0..<(n * width) { blk[i] = 0 }
                    for k in 0..<d {
                      let il = invL2[k]
                      let ck = k * width
                      for i in 0..<n {
                        let xi = x[i * d + k]
                        let ri = i * width
                        if categorical[k] {
                          for c in 0..<w { blk[ri + c] += abs(xi - ct[ck + c]) > 1e-9 ? il : 0 }
                        } else {
                          for c in 0..<w {
                            let t = xi - ct[ck + c]
                            blk[ri + c] += t * t * il
                          }
                        }
                      }
                    }
                    for i in 0..<n {
                      let ri = i * width
                      let a = alpha[i]
                      for c in 0..<w {
                        let v = signal * MaternKernel.correlation(r2: blk[ri + c])
                        blk[ri + c] = v
                        mu[start + c] += a * v
                      }
                    }
                    // Forward substitution L V = K*, all candidates of the block at once.
                    for i in 0..<n {
                      let ri = i * width
                      let li = i * n
                      for k in 0..<i {
                        let lik = l[li + k]
                        let rk = k * width
                        for c in 0..<w { blk[ri + c] -= lik * blk[rk + c] }
                      }
                      let inv = 1 / l[li + i]
                      for c in 0..<w {
                        let v = blk[ri + c] * inv
                        blk[ri + c] = v
                        va[start + c] -= v * v
                      }
                    }
                    for c in 0..<w { va[start + c] = max(va[start + c], 0) }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (means, vars)
  }

  /// log p(y | X, θ) = −½ yᵀK⁻¹y − ½ log|K| − n/2 log 2π.
  public var logMarginalLikelihood: Double {
    var q = 0.0
    for i in 0..<n { q += y[i] * alpha[i] }
    return -0.5 * q - 0.5 * cholesky.logDeterminant - 0.5 * Double(n) * log(2 * Double.pi)
  }
}
