import Foundation

/// Maximises an acquisition function over the unit cube of a search space.
///
///     let opt = AcquisitionOptimizer(space: s, gp: gp, energy: nil, acquisition: .expectedImprovement, best: 1.3)
///     let u = opt.maximise(candidates: 10_000, around: bestPoints, avoiding: seen, using: &rng)
///
/// Scores `candidates` points, four in five uniform (the paper's 10,000 random candidates) and the
/// rest Gaussian steps (sd 0.1 and 0.02) from the best trials, snapped to runnable values; then runs a
/// compass search (step 0.1 halving to 1e-3) from the best five. Points already run are skipped,
/// so duplicates are never suggested while any other point scores; non-finite scores never win.
struct AcquisitionOptimizer {
  let space: SearchSpace
  let gp: GaussianProcess
  let energy: (gp: GaussianProcess, mean: Double, sd: Double)?
  let acquisition: Acquisition
  let best: Double

  init(space: SearchSpace, gp: GaussianProcess, energy: (GaussianProcess, Double, Double)?,
       acquisition: Acquisition, best: Double) {
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
    return (0..<count).map { i in
      let s = acquisition.score(mean: p.mean[i], sd: p.variance[i].squareRoot(), best: best, logJoules: logJ[i])
      return s.isNaN ? -.infinity : s
    }
  }

  func maximise(candidates m: Int, around top: [[Double]], avoiding seen: Set<[Int64]>,
                using rng: inout SeededGenerator) -> [Double]? {
    let d = space.count
    let local = top.isEmpty ? 0 : m / 5
    var batch = [Double]()
    batch.reserveCapacity(m * d)
    var points: [[Double]] = []
    for c in 0..<m {
      var u: [Double]
      if c < m - local {
        u = (0..<d).map { _ in rng.unit() }
      } else {
        let centre = top[c % top.count]
        u = (0..<d).map { k in
          if space.dimensions[k].isChoice { return rng.unit() < 0.8 ? centre[k] : rng.unit() }
          // Half the local points explore the neighbourhood, half polish it.
          return min(max(centre[k] + (c % 2 == 0 ? 0.1 : 0.02) * rng.normal(), 0), 1)
        }
      }
      u = snap(u)
      points.append(u)
      batch.append(contentsOf: u)
    }
    let s = scores(batch, count: m)
    let ranked = (0..<m).filter { s[$0] > -.infinity || acquisition == .upperConfidenceBound }
      .sorted { s[$0] > s[$1] }
    var starts: [([Double], Double)] = []
    var taken = Set<[Int64]>()
    for i in ranked {
      let k = AcquisitionOptimizer.key(points[i])
      if seen.contains(k) || taken.contains(k) { continue }
      taken.insert(k)
      starts.append((points[i], s[i]))
      if starts.count == 5 { break }
    }
    var best: ([Double], Double)?
    for (u, f) in starts {
      let r = compass(from: u, value: f, avoiding: seen)
      if best == nil || r.1 > best!.1 { best = r }
    }
    guard let found = best, found.0.allSatisfy(\.isFinite) else { return nil }
    return found.0
  }

  /// Coordinate pattern search: try ±step along each dimension, keep any improvement,
  /// halve the step when none helps. Choice dimensions try every other value.
  private func compass(from start: [Double], value: Double, avoiding seen: Set<[Int64]>) -> ([Double], Double) {
    var x = start, fx = value
    var step = 0.1
    var evaluations = 0
    func score(_ u: [Double]) -> Double {
      evaluations += 1
      if seen.contains(AcquisitionOptimizer.key(u)) { return -.infinity }
      return scores(u, count: 1)[0]
    }
    var choicesTried = false
    while step >= 1e-3 && evaluations < 400 {
      var improved = false
      for k in 0..<space.count {
        let dim = space.dimensions[k]
        var moves: [Double] = []
        if dim.isChoice {
          if choicesTried { continue }
          moves = (0..<dim.choices.count).map { (Double($0) + 0.5) / Double(dim.choices.count) }
        } else {
          moves = [x[k] + step, x[k] - step]
        }
        for v in moves {
          var y = x
          y[k] = dim.snap(min(max(v, 0), 1))
          if y[k] == x[k] { continue }
          let fy = score(y)
          if fy > fx {
            x = y
            fx = fy
            improved = true
          }
        }
      }
      choicesTried = true
      if !improved { step /= 2 }
    }
    return (x, fx)
  }
}
