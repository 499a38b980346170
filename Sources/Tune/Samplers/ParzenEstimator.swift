import Foundation
import TuneNumerics

/// A mixture of product kernels over the unit cube: one kernel per observed point plus a broad
/// prior kernel, as in Optuna's `_ParzenEstimator` (optuna/samplers/_tpe/parzen_estimator.py).
///
///     let l = ParzenEstimator(points: good, space: space, weights: [1, 1, 1])
///     let xs = l.sample(24, using: &rng)
///     l.logDensity(xs[0])
///
/// Ordered dimensions get a normal kernel truncated to [0, 1] (log ranges are already log in the
/// unit cube). Bandwidths follow Optuna's defaults: each kernel's σ is the larger gap to its sorted
/// neighbours (the range ends included), except that the outermost kernels use their inner gap
/// (`consider_endpoints=False`); σ is clipped to [range/min(100, 1 + kernels), range] (the "magic
/// clip"); the prior kernel sits mid-range with σ = the range and weight 1 (`prior_weight`). A
/// choice dimension gives each kernel the categorical distribution with prior_weight/kernels on
/// every value plus 1 on the observed one, normalised.
struct ParzenEstimator {
  let space: SearchSpace
  /// Normalised mixture weights, the prior kernel's last.
  let weights: [Double]
  /// Per dimension: kernel centres and σ (ordered), or per-kernel value probabilities (choice).
  private var mus: [[Double]] = []
  private var sigmas: [[Double]] = []
  private var choiceLogP: [[[Double]]] = []

  /// `points` are unit-cube coordinates; `weights` one per point (before the prior's is added).
  init(points: [[Double]], space: SearchSpace, weights pointWeights: [Double], priorWeight: Double = 1) {
    self.space = space
    let n = points.count
    var w = pointWeights + [priorWeight]
    let total = w.reduce(0, +)
    w = w.map { $0 / total }
    weights = w
    let kernels = n + 1
    for (k, dim) in space.dimensions.enumerated() {
      if dim.isChoice {
        let c = dim.choices.count
        var rows: [[Double]] = []
        for p in points {
          var row = [Double](repeating: priorWeight / Double(kernels), count: c)
          row[min(Int(p[k] * Double(c)), c - 1)] += 1
          let s = row.reduce(0, +)
          rows.append(row.map { log($0 / s) })
        }
        rows.append([Double](repeating: -log(Double(c)), count: c))
        choiceLogP.append(rows)
        mus.append([]); sigmas.append([])
      } else {
        let centres = points.map { $0[k] }
        mus.append(centres + [0.5])
        sigmas.append(ParzenEstimator.bandwidths(centres, kernels: kernels) + [1])
        choiceLogP.append([])
      }
    }
  }

  /// Optuna's bandwidth rule on [0, 1] for the observed centres.
  static func bandwidths(_ centres: [Double], kernels: Int) -> [Double] {
    let n = centres.count
    guard n > 0 else { return [] }
    let order = (0..<n).sorted { centres[$0] < centres[$1] }
    let sorted = [0.0] + order.map { centres[$0] } + [1.0]
    var s = [Double](repeating: 0, count: n)
    for i in 1...n {
      let left: Double = sorted[i] - sorted[i - 1]
      let right: Double = sorted[i + 1] - sorted[i]
      s[i - 1] = max(left, right)
    }
    if n >= 2 {
      s[0] = sorted[2] - sorted[1]
      s[n - 1] = sorted[n] - sorted[n - 1]
    }
    let minSigma = 1 / min(100, 1 + Double(kernels))
    var out = [Double](repeating: 0, count: n)
    for (rank, i) in order.enumerated() { out[i] = min(max(s[rank], minSigma), 1) }
    return out
  }

  /// `count` draws from the mixture, snapped to runnable values.
  func sample(_ count: Int, using rng: inout SeededGenerator) -> [[Double]] {
    (0..<count).map { _ in
      var r = rng.unit()
      var j = weights.count - 1
      for (i, w) in weights.enumerated() {
        r -= w
        if r <= 0 { j = i; break }
      }
      return space.dimensions.enumerated().map { k, dim in
        if dim.isChoice {
          let c = dim.choices.count
          var r = rng.unit()
          for v in 0..<c {
            r -= exp(choiceLogP[k][j][v])
            if r <= 0 { return (Double(v) + 0.5) / Double(c) }
          }
          return (Double(c) - 0.5) / Double(c)
        }
        // Rejection from the untruncated normal; the clipped σ ≤ 1 and centre in [0, 1] keep the
        // acceptance rate above about one in three.
        for _ in 0..<100 {
          let x = mus[k][j] + sigmas[k][j] * rng.normal()
          if x >= 0 && x <= 1 { return dim.snap(x) }
        }
        return dim.snap(min(max(mus[k][j], 0), 1))
      }
    }
  }

  /// log of the mixture density at a unit-cube point.
  func logDensity(_ u: [Double]) -> Double {
    var terms = [Double](repeating: 0, count: weights.count)
    for j in 0..<weights.count {
      var s = log(weights[j])
      for (k, dim) in space.dimensions.enumerated() {
        if dim.isChoice {
          let c = dim.choices.count
          s += choiceLogP[k][j][min(Int(u[k] * Double(c)), c - 1)]
        } else {
          let mu = mus[k][j], sigma = sigmas[k][j]
          let mass = Normal.cdf((1 - mu) / sigma) - Normal.cdf((0 - mu) / sigma)
          s += Normal.logPDF((u[k] - mu) / sigma) - log(sigma) - log(max(mass, 1e-300))
        }
      }
      terms[j] = s
    }
    let top = terms.max() ?? -.infinity
    guard top.isFinite else { return top }
    return top + log(terms.reduce(0) { $0 + exp($1 - top) })
  }
}
