import Foundation
import TuneNumerics

/// Maximises an acquisition function over the unit cube of a search space.
///
///     let opt = AcquisitionOptimizer(space: s, gp: gp, energy: nil, acquisition: .expectedImprovement, best: 1.3)
///     let u = opt.maximise(candidates: 2048, around: bestPoints, avoiding: seen, using: &rng)
///
/// Follows Optuna's `optimize_acqf_mixed` (optuna/_gp/optim_mixed.py): score `candidates` uniform
/// points, then run `localSearches` gradient ascents: from the best candidate, from the best
/// observed points, and from candidates drawn by roulette with weight e^{score − max} (so starts
/// spread over several basins instead of crowding the best one). Each ascent is a box-bounded
/// L-BFGS on the ordered dimensions with analytic gradients, preconditioned by the length scales
/// (z = u/ℓ, as Optuna does, so every direction is equally curved), then one exhaustive sweep of
/// each choice dimension. Integers are relaxed to reals and snapped at the end. Points already run
/// are never returned while any other point scores; non-finite scores never win.
///
/// With constraints, the score is log acquisition + Σ log P(cᵢ ≤ 0), each probability from a GP
/// fitted to that constraint's values (Gardner et al. 2014; Optuna's constrained GPSampler,
/// optuna/_gp/acqf.py `ConstrainedLogEI`). With no feasible trial yet (`best` nil) it is the log
/// probability of feasibility alone, so the search first looks for the feasible region.
struct AcquisitionOptimizer {
  let space: SearchSpace
  let gp: GaussianProcess
  let energy: (gp: GaussianProcess, mean: Double, sd: Double)?
  let acquisition: Acquisition
  /// The best feasible standardised score; nil when no trial is feasible yet.
  let best: Double?
  /// One GP per constraint, on standardised values; feasible below `threshold` (0 standardised).
  var constraints: [(gp: GaussianProcess, threshold: Double)] = []
  /// Gradient ascents per suggestion (Optuna's `n_local_search`).
  var localSearches = 10
  /// The box searched, in unit-cube coordinates (a trust region, or the whole cube).
  var lowerBound: [Double]? = nil
  var upperBound: [Double]? = nil

  func lo(_ k: Int) -> Double { lowerBound?[k] ?? 0 }
  func hi(_ k: Int) -> Double { upperBound?[k] ?? 1 }

  init(space: SearchSpace, gp: GaussianProcess, energy: (GaussianProcess, Double, Double)?,
       acquisition: Acquisition, best: Double?) {
    self.space = space
    self.gp = gp
    self.energy = energy.map { (gp: $0.0, mean: $0.1, sd: $0.2) }
    self.acquisition = acquisition
    self.best = best
  }

  /// A hashable key for a unit-cube point, rounded so snapped points compare equal.
  static func key(_ u: [Double]) -> [Int64] { u.map { Int64(($0 * 1e9).rounded()) } }

  func snap(_ u: [Double]) -> [Double] {
    zip(space.dimensions, u).map { $0.snap($1) }
  }

  /// Acquisition scores for a batch of points (row-major).
  func scores(_ batch: [Double], count: Int) -> [Double] {
    let p = gp.predict(batch: batch, count: count)
    var logJ = [Double](repeating: 0, count: count)
    if let energy {
      let e = energy.gp.predict(batch: batch, count: count)
      for i in 0..<count { logJ[i] = e.mean[i] * energy.sd + energy.mean }
    }
    var logFeasible = [Double](repeating: 0, count: count)
    for c in constraints {
      let q = c.gp.predict(batch: batch, count: count)
      for i in 0..<count {
        logFeasible[i] += Normal.logCDF((c.threshold - q.mean[i]) / (q.variance[i].squareRoot() + 1e-9))
      }
    }
    return (0..<count).map { i in
      let a = best.map { acquisition.score(mean: p.mean[i], sd: p.variance[i].squareRoot(), best: $0, logJoules: logJ[i]) } ?? 0
      let s = a + logFeasible[i]
      return s.isNaN ? -.infinity : s
    }
  }

  /// Σ log P(cᵢ ≤ 0) at one point and its gradient.
  func logFeasibility(_ u: [Double]) -> (Double, [Double]) {
    var value = 0.0
    var g = [Double](repeating: 0, count: u.count)
    for c in constraints {
      let p = c.gp.predictWithGradient(u)
      let sd = p.variance.squareRoot() + 1e-9
      let z = (c.threshold - p.mean) / sd
      value += Normal.logCDF(z)
      // d log Φ(z) = φ(z)/Φ(z) dz; dz/dμ = −1/σ, dz/dσ = −z/σ, dσ = dσ²/2σ.
      let r = exp(Normal.logPDF(z) - Normal.logCDF(z))
      for k in 0..<u.count {
        g[k] += r * (-p.meanGradient[k] / sd - z / sd * p.varianceGradient[k] / (2 * sd))
      }
    }
    return (value, g)
  }

  /// The acquisition at one point and its gradient in unit-cube coordinates.
  func valueAndGradient(_ u: [Double]) -> (Double, [Double]) {
    let (f, df) = constraints.isEmpty ? (0, [Double](repeating: 0, count: u.count)) : logFeasibility(u)
    guard let best else { return (f, df) }
    let p = gp.predictWithGradient(u)
    let sd = p.variance.squareRoot()
    var logJ = 0.0
    var dLogJ = [Double](repeating: 0, count: u.count)
    if let energy {
      let e = energy.gp.predictWithGradient(u)
      logJ = e.mean * energy.sd + energy.mean
      dLogJ = e.meanGradient.map { $0 * energy.sd }
    }
    let a = acquisition.scoreAndDerivatives(mean: p.mean, sd: sd, best: best, logJoules: logJ)
    // ∂σ/∂x = ∂σ²/∂x / 2σ.
    let dSdScale = sd > 1e-12 ? a.dSd / (2 * sd) : 0
    var g = [Double](repeating: 0, count: u.count)
    for k in 0..<u.count {
      let fromMean: Double = a.dMean * p.meanGradient[k]
      let fromSd: Double = dSdScale * p.varianceGradient[k]
      g[k] = fromMean + fromSd - dLogJ[k] + df[k]
    }
    return (a.value + f, g)
  }

  func maximise(candidates m: Int, around top: [[Double]], avoiding seen: Set<[Int64]>,
                using rng: inout SeededGenerator) -> [Double]? {
    let d = space.count
    var batch = [Double]()
    batch.reserveCapacity(m * d)
    var points: [[Double]] = []
    for _ in 0..<m {
      let u = snap((0..<d).map { k in lo(k) + (hi(k) - lo(k)) * rng.unit() })
      points.append(u)
      batch.append(contentsOf: u)
    }
    let s = scores(batch, count: m)
    let valid = (0..<m).filter { s[$0] > -.infinity || acquisition == .upperConfidenceBound }

    // Starts: the best candidate, the best observed points nudged off their zero-variance spot,
    // then roulette draws without replacement.
    var starts: [[Double]] = []
    if let b = valid.max(by: { s[$0] < s[$1] }) { starts.append(points[b]) }
    for t in top.prefix(max(localSearches / 5, 1)) {
      starts.append(snap(t.enumerated().map { k, v in
        space.dimensions[k].isChoice ? v : min(max(v + 1e-3 * rng.normal(), lo(k)), hi(k))
      }))
    }
    if let sMax = valid.map({ s[$0] }).max(), sMax.isFinite {
      var weights = valid.map { exp(s[$0] - sMax) }
      for (j, i) in valid.enumerated() where points[i] == starts.first { weights[j] = 0 }
      while starts.count < localSearches {
        let total = weights.reduce(0, +)
        guard total > 0 else { break }
        var r = rng.unit() * total
        var pick = weights.count - 1
        for (j, w) in weights.enumerated() {
          r -= w
          if r <= 0 && w > 0 { pick = j; break }
        }
        weights[pick] = 0
        starts.append(points[valid[pick]])
      }
    }

    var results: [([Double], Double)] = []
    for start in starts {
      results.append(localSearch(from: start))
    }
    // Candidates too, so a point is found even if every ascent lands on a trial already run.
    results += valid.sorted { s[$0] > s[$1] }.prefix(50).map { (points[$0], s[$0]) }
    let fresh = results.filter { $0.1.isFinite || acquisition == .upperConfidenceBound }
      .filter { !seen.contains(AcquisitionOptimizer.key($0.0)) && $0.0.allSatisfy(\.isFinite) }
    return fresh.max { $0.1 < $1.1 }?.0
  }

  /// Gradient ascent on the ordered dimensions, then a sweep of each choice dimension; the result
  /// snapped to runnable values and rescored.
  func localSearch(from start: [Double]) -> ([Double], Double) {
    let dims = space.dimensions
    let ordered = (0..<dims.count).filter { !dims[$0].isChoice }
    var u = start
    if !ordered.isEmpty {
      let scale = ordered.map { gp.hyperparameters.lengthScales[$0] }
      let lower = ordered.enumerated().map { j, k in lo(k) / scale[j] }
      let upper = ordered.enumerated().map { j, k in hi(k) / scale[j] }
      let z0 = ordered.enumerated().map { j, k in start[k] / scale[j] }
      let base = start
      let objective: ([Double]) -> (Double, [Double])? = { z in
        var x = base
        for (j, k) in ordered.enumerated() { x[k] = min(max(z[j] * scale[j], 0), 1) }
        let (v, g) = valueAndGradient(x)
        guard v.isFinite else { return nil }
        return (-v, ordered.enumerated().map { j, k in -g[k] * scale[j] })
      }
      // pgtol √1e-4 as Optuna's `_gradient_ascent_batched`.
      let optimizer = BoundedLBFGS(maxIterations: 200, projectedGradientTolerance: 1e-2, functionTolerance: 1e-9)
      if let r = optimizer.minimize(z0, lower: lower, upper: upper, objective) {
        for (j, k) in ordered.enumerated() { u[k] = min(max(r.x[j] * scale[j], 0), 1) }
      }
    }
    u = snap(u)
    var value = scores(u, count: 1)[0]
    for k in 0..<dims.count where dims[k].isChoice && dims[k].choices.count > 1 {
      let n = dims[k].choices.count
      var batch = [Double]()
      for c in 0..<n {
        var v = u
        v[k] = (Double(c) + 0.5) / Double(n)
        batch += v
      }
      let s = scores(batch, count: n)
      if let c = (0..<n).max(by: { s[$0] < s[$1] }), s[c] > value {
        u[k] = (Double(c) + 0.5) / Double(n)
        value = s[c]
      }
    }
    return (u, value)
  }
}
