import Foundation

/// A TuRBO-style trust region (Eriksson et al. 2019), replayed from the history so the sampler
/// keeps no state between suggestions.
///
///     let box = TrustRegion.replay(scores: ys, initial: 7, dimensions: 6)
///     box.side        // 0.8 at the start, doubled after 3 successes, halved after max(4, d) failures
///
/// Each finished trial after the initial ones is a success when it beats the best so far by more
/// than 1e-3 of its magnitude, a failure otherwise. The side restarts at 0.8 when it falls below
/// 0.5⁷. The sampler centres the box on the best trial and stretches it by the GP's length scales
/// (wᵢ = ℓᵢ / geometric mean ℓ), as TuRBO does.
struct TrustRegion {
  var side = 0.8
  static let maxSide = 1.6
  static let minSide = 0.0078125

  static func replay(scores: [Double], initial: Int, dimensions d: Int) -> TrustRegion {
    var tr = TrustRegion()
    guard scores.count > initial else { return tr }
    var best = scores.prefix(initial).max() ?? -.infinity
    var successes = 0, failures = 0
    let failLimit = max(4, d)
    for y in scores.dropFirst(initial) {
      if y > best + 1e-3 * abs(best) {
        successes += 1; failures = 0
      } else {
        failures += 1; successes = 0
      }
      best = max(best, y)
      if successes >= 3 { tr.side = min(tr.side * 2, maxSide); successes = 0 }
      if failures >= failLimit { tr.side /= 2; failures = 0 }
      if tr.side < minSide { tr.side = 0.8 }
    }
    return tr
  }

  /// The box around `centre`, clipped to the unit cube.
  func box(centre: [Double], lengthScales: [Double]) -> (lower: [Double], upper: [Double]) {
    let logMean = lengthScales.map { log($0) }.reduce(0, +) / Double(max(lengthScales.count, 1))
    let gm = exp(logMean)
    var lower: [Double] = [], upper: [Double] = []
    for (c, l) in zip(centre, lengthScales) {
      let half = side * l / gm / 2
      lower.append(max(c - half, 0))
      upper.append(min(c + half, 1))
    }
    return (lower, upper)
  }
}
