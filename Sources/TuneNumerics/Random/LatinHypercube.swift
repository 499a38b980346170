/// A Latin hypercube design in the unit cube (McKay, Beckman & Conover 1979): `count` points,
/// each axis cut into `count` equal strata with exactly one point in each, placed uniformly inside
/// its stratum.
///
///     var rng = SeededGenerator(seed: 1, stream: -7)
///     let design = LatinHypercube(count: 7, dimensions: 6, using: &rng)
///     design.points[3]        // 6 coordinates in [0, 1); sorted along any axis, one per seventh
///
/// Random points leave some of an axis's range empty and crowd the rest; with 7 points in 6
/// dimensions that decides which basin the model-guided search climbs into first. The Bayesian
/// sampler's initial trials use it (docs/tuning.md, "Held out").
public struct LatinHypercube: Sendable {
  public let points: [[Double]]

  /// Per axis: a random permutation of the strata (Fisher–Yates, `shuffle(using:)`), then one
  /// uniform draw per point inside its stratum; axes in order. The order of the draws is part of
  /// the design's identity: the figures in docs/tuning.md came from exactly this sequence.
  public init(count n: Int, dimensions d: Int, using rng: inout SeededGenerator) {
    var points = [[Double]](repeating: [Double](repeating: 0, count: d), count: max(n, 0))
    for k in 0..<d where n > 0 {
      var strata = Array(0..<n)
      strata.shuffle(using: &rng)
      for i in 0..<n { points[i][k] = (Double(strata[i]) + rng.unit()) / Double(n) }
    }
    self.points = points
  }
}
