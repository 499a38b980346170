/// Optimistic value μ + κσ (maximisation; Srinivas et al. 2010).
///
///     UpperConfidenceBound(kappa: 2).value(mean: 0.5, sd: 0.1)   // 0.7
///
/// κ = 2 is the common default (about a 97.7% one-sided bound).
public struct UpperConfidenceBound: Sendable {
  public var kappa: Double
  public init(kappa: Double = 2) { self.kappa = kappa }

  public func value(mean: Double, sd: Double) -> Double { mean + kappa * sd }
}
