import Foundation

/// The hyperparameters of a Matérn-5/2 ARD Gaussian process.
///
///     let h = GPHyperparameters(lengthScales: [0.3, 0.5], signalVariance: 1, noiseVariance: 1e-4)
///
/// Optimisers see them as θ = (log ℓ₁ … log ℓ_d, log σ_f², log σ_n²).
public struct GPHyperparameters: Equatable, Sendable {
  /// One per input dimension, in unit-cube units.
  public var lengthScales: [Double]
  /// σ_f², the prior variance of the latent function.
  public var signalVariance: Double
  /// σ_n², the observation noise variance.
  public var noiseVariance: Double

  public init(lengthScales: [Double], signalVariance: Double, noiseVariance: Double) {
    self.lengthScales = lengthScales
    self.signalVariance = signalVariance
    self.noiseVariance = noiseVariance
  }

  public init(theta: [Double]) {
    let d = theta.count - 2
    lengthScales = theta[0..<d].map { exp($0) }
    signalVariance = exp(theta[d])
    noiseVariance = exp(theta[d + 1])
  }

  public var theta: [Double] {
    lengthScales.map { log($0) } + [log(signalVariance), log(noiseVariance)]
  }
}
