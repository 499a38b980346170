/// When an intermediate report means training has blown up.
///
///     DivergenceRule().diverged(loss: .nan, firstLoss: 2.3)     // true
///     DivergenceRule().diverged(loss: 30, firstLoss: 2.3)       // true: more than 10× the first
///
/// A non-finite loss or value has diverged; so has a loss above `explosionFactor` times the
/// trial's first reported loss. Cross-entropy over ten classes starts near ln 10 ≈ 2.3, so 10×
/// (23 nats) means the weights have left any useful region; a slowly rising but sane loss does
/// not trip it.
public struct DivergenceRule: Sendable {
  public var explosionFactor: Double

  public init(explosionFactor: Double = 10) { self.explosionFactor = explosionFactor }

  public func diverged(loss: Double?, firstLoss: Double?) -> Bool {
    guard let loss else { return false }
    if !loss.isFinite { return true }
    if let first = firstLoss, first.isFinite, first > 0, loss > explosionFactor * first { return true }
    return false
  }
}
