import Foundation

/// The negative log posterior of GP hyperparameters and its analytic gradient.
///
///     let ml = MarginalLikelihood(x: xs, y: ys, kernel: k, prior: .standard)
///     let (value, gradient) = ml.evaluate(theta)!     // θ = (log ℓ…, log σ_f², log σ_n²)
///
/// value = −log p(y | X, θ) − log p(θ) up to a constant; the gradient uses
/// ∂ log p(y|X,θ)/∂θ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ) (Rasmussen & Williams 2006, eq. 5.9).
/// Per-pair, per-dimension distances are computed once, so an evaluation costs one kernel
/// matrix, one Cholesky and one inverse: O(n³).
public struct MarginalLikelihood {
  let n: Int
  let d: Int
  let y: [Double]
  let prior: HyperparameterPrior
  /// q_k for each pair i > j, laid out [(i·(i−1)/2 + j)·d + k].
  private let pairQ: [Double]

  public init(x: [[Double]], y: [Double], kernel: MaternKernel, prior: HyperparameterPrior = .standard) {
    n = x.count
    d = x.first?.count ?? 0
    self.y = y
    self.prior = prior
    var q = [Double](repeating: 0, count: max(n * (n - 1) / 2 * d, 0))
    var p = 0
    for i in 0..<n {
      for j in 0..<i {
        for k in 0..<d { q[p * d + k] = kernel.q(k, x[i][k], x[j][k]) }
        p += 1
      }
    }
    pairQ = q
  }

  public func evaluate(_ theta: [Double]) -> (Double, [Double])? {
    let h = GPHyperparameters(theta: theta)
    let invL2 = h.lengthScales.map { 1 / ($0 * $0) }
    let signal = h.signalVariance, noise = h.noiseVariance
    var k = [Double](repeating: 0, count: n * n)
    var factor = [Double](repeating: 0, count: n * (n - 1) / 2)
    pairQ.withUnsafeBufferPointer { q in
      k.withUnsafeMutableBufferPointer { k in
        factor.withUnsafeMutableBufferPointer { fac in
          var p = 0
          for i in 0..<n {
            k[i * n + i] = signal + noise
            for j in 0..<i {
              var r2 = 0.0
              for c in 0..<d { r2 += q[p * d + c] * invL2[c] }
              let v = signal * MaternKernel.correlation(r2: r2)
              k[i * n + j] = v
              k[j * n + i] = v
              fac[p] = signal * MaternKernel.lengthScaleFactor(r2: r2)
              p += 1
            }
          }
        }
      }
    }
    guard let chol = try? Cholesky(matrix: k, n: n) else { return nil }
    let alpha = chol.solve(y)
    var fit = 0.0
    for i in 0..<n { fit += y[i] * alpha[i] }
    let lml = -0.5 * fit - 0.5 * chol.logDeterminant - 0.5 * Double(n) * log(2 * Double.pi)
    guard lml.isFinite else { return nil }

    // W = ααᵀ − K⁻¹; gradient of the log marginal likelihood is ½ Σᵢⱼ Wᵢⱼ ∂Kᵢⱼ.
    let kinv = chol.inverse()
    var grad = [Double](repeating: 0, count: d + 2)
    var diagW = 0.0
    for i in 0..<n { diagW += alpha[i] * alpha[i] - kinv[i * n + i] }
    var signalGrad = 0.5 * diagW * signal
    let noiseGrad = 0.5 * diagW * noise
    pairQ.withUnsafeBufferPointer { q in
      factor.withUnsafeBufferPointer { fac in
        kinv.withUnsafeBufferPointer { kinv in
          k.withUnsafeBufferPointer { k in
            grad.withUnsafeMutableBufferPointer { g in
              var p = 0
              for i in 0..<n {
                for j in 0..<i {
                  let w = alpha[i] * alpha[j] - kinv[i * n + j]
                  // Off-diagonal pairs appear twice in the trace; the ½ cancels.
                  signalGrad += w * k[i * n + j]
                  let base = w * fac[p]
                  for c in 0..<d { g[c] += base * q[p * d + c] * invL2[c] }
                  p += 1
                }
              }
            }
          }
        }
      }
    }
    grad[d] = signalGrad
    grad[d + 1] = noiseGrad

    // Negative log posterior: flip signs and add the priors on θ.
    var value = -lml
    for i in 0..<(d + 2) {
      let (p, dp) = prior.penalty(theta[i], component: i, d: d)
      value += p
      grad[i] = -grad[i] + dp
    }
    return (value, grad)
  }
}
