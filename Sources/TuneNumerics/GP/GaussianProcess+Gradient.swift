import Foundation

/// The posterior at one point together with its gradient in the inputs.
///
///     let p = gp.predictWithGradient([0.2, 0.7])
///     p.mean, p.variance, p.meanGradient[0], p.varianceGradient[1]
///
/// Choice dimensions get zero gradients: their Hamming distance is piecewise constant.
public struct PosteriorGradient: Sendable {
  public var mean: Double
  public var variance: Double
  /// ∂μ/∂xₖ.
  public var meanGradient: [Double]
  /// ∂σ²/∂xₖ (zero where the variance was clamped at zero).
  public var varianceGradient: [Double]
}

extension GaussianProcess {
  /// Posterior mean and variance at `point` with their analytic gradients.
  ///
  ///     let p = gp.predictWithGradient(u)     // O(n·d + n²)
  ///
  /// With k* the kernel vector to the training points, μ = k*ᵀα and σ² = σ_f² − k*ᵀK⁻¹k*, so
  /// ∂μ/∂x = Σᵢ αᵢ ∂k*ᵢ/∂x and ∂σ²/∂x = −2 Σᵢ (K⁻¹k*)ᵢ ∂k*ᵢ/∂x (Rasmussen & Williams 2006, eqs.
  /// 2.25–2.26 differentiated). For Matérn-5/2, ∂k/∂(r²) = −(5/6)σ_f²(1 + √5 r)e^{−√5 r} and
  /// ∂r²/∂xₖ = 2(xₖ − xᵢₖ)/ℓₖ², which stays finite at r = 0 (the kernel is twice differentiable).
  public func predictWithGradient(_ point: [Double]) -> PosteriorGradient {
    let signal = hyperparameters.signalVariance
    var kStar = [Double](repeating: 0, count: n)
    // −∂k*ᵢ/∂(r²)·2 = σ_f² · lengthScaleFactor(r²), kept per training point.
    var slope = [Double](repeating: 0, count: n)
    let categorical = kernel.categorical
    for i in 0..<n {
      var r2 = 0.0
      for k in 0..<d {
        let t = point[k] - xs[i * d + k]
        r2 += categorical[k] ? (abs(t) > 1e-9 ? invL2[k] : 0) : t * t * invL2[k]
      }
      kStar[i] = signal * MaternKernel.correlation(r2: r2)
      slope[i] = signal * MaternKernel.lengthScaleFactor(r2: r2)
    }
    var mean = 0.0
    for i in 0..<n { mean += alpha[i] * kStar[i] }
    var v = kStar
    cholesky.solveLower(&v)
    var variance = signal
    for i in 0..<n { variance -= v[i] * v[i] }
    var w = v
    cholesky.solveUpper(&w)  // K⁻¹k*

    var dMean = [Double](repeating: 0, count: d)
    var dVar = [Double](repeating: 0, count: d)
    for k in 0..<d where !categorical[k] {
      var gm = 0.0, gv = 0.0
      for i in 0..<n {
        // ∂k*ᵢ/∂xₖ = −slopeᵢ · (xₖ − xᵢₖ)/ℓₖ²
        let dk = -slope[i] * (point[k] - xs[i * d + k]) * invL2[k]
        gm += alpha[i] * dk
        gv += w[i] * dk
      }
      dMean[k] = gm
      dVar[k] = -2 * gv
    }
    if variance <= 0 {
      variance = 0
      dVar = [Double](repeating: 0, count: d)
    }
    return PosteriorGradient(mean: mean, variance: variance, meanGradient: dMean, varianceGradient: dVar)
  }
}
