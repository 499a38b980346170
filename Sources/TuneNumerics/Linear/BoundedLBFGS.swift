/// L-BFGS for smooth minimisation inside a box lower ≤ x ≤ upper.
///
///     let r = BoundedLBFGS().minimize([0.5, 0.5], lower: [0, 0], upper: [1, 1]) { x in (f(x), grad(x)) }
///     r?.x, r?.value
///
/// A projected variant of L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995): variables at a bound whose
/// gradient pushes outward are held fixed for the iteration, the two-loop recursion runs on the
/// free ones, and a backtracking Armijo search moves along the projected path P(x + t·p). It skips
/// L-BFGS-B's generalised Cauchy point, which matters little for the few-dimensional, short runs
/// an acquisition needs (Optuna runs scipy's L-BFGS-B there with at most 200 iterations). Stops when
/// the projected gradient is below `projectedGradientTolerance` (scipy's `pgtol`), when an iteration
/// gains less than `functionTolerance` relative, or after `maxIterations`.
public struct BoundedLBFGS {
  public var memory: Int
  public var maxIterations: Int
  public var projectedGradientTolerance: Double
  public var functionTolerance: Double

  public init(memory: Int = 10, maxIterations: Int = 200, projectedGradientTolerance: Double = 1e-5,
              functionTolerance: Double = 1e-9) {
    self.memory = memory
    self.maxIterations = maxIterations
    self.projectedGradientTolerance = projectedGradientTolerance
    self.functionTolerance = functionTolerance
  }

  public struct Result {
    public var x: [Double]
    public var value: Double
    public var iterations: Int
    /// Objective evaluations, the line search's included.
    public var evaluations: Int
  }

  /// Minimises `f` from `x0` (clamped into the box). `f` returns nil where it cannot be evaluated;
  /// the line search backs off from there. nil when `f` fails at the start.
  public func minimize(_ x0: [Double], lower: [Double], upper: [Double],
                       _ f: ([Double]) -> (Double, [Double])?) -> Result? {
    let m = x0.count
    func project(_ v: [Double]) -> [Double] { (0..<m).map { min(max(v[$0], lower[$0]), upper[$0]) } }
    var x = project(x0)
    var evaluations = 1
    guard var (fx, g) = f(x), fx.isFinite else { return nil }
    var ss: [[Double]] = [], ys: [[Double]] = [], rhos: [Double] = []
    var iterations = 0
    while iterations < maxIterations {
      iterations += 1
      // Free variables: not pinned at a bound by a gradient pointing out of the box.
      let free = (0..<m).map { i in !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) }
      let pg = (0..<m).map { free[$0] ? g[$0] : 0 }
      if pg.map(abs).max() ?? 0 < projectedGradientTolerance { break }

      var q = pg
      var alphas = [Double](repeating: 0, count: ss.count)
      for k in stride(from: ss.count - 1, through: 0, by: -1) {
        let a = rhos[k] * dot(ss[k], q)
        alphas[k] = a
        for i in 0..<m where free[i] { q[i] -= a * ys[k][i] }
      }
      if let s = ss.last, let y = ys.last {
        let gamma = dot(s, y) / dot(y, y)
        for i in 0..<m { q[i] *= gamma }
      } else {
        // First step: at most about 1 in x units, as the unbounded LBFGS does.
        let norm = dot(q, q).squareRoot()
        if norm > 1 { for i in 0..<m { q[i] /= norm } }
      }
      for k in 0..<ss.count {
        let b = rhos[k] * dot(ys[k], q)
        for i in 0..<m where free[i] { q[i] += ss[k][i] * (alphas[k] - b) }
      }
      var p = (0..<m).map { free[$0] ? -q[$0] : 0 }
      if !(dot(pg, p) < 0) {
        ss.removeAll(); ys.removeAll(); rhos.removeAll()
        p = pg.map { -$0 }
      }

      var t = 1.0
      var accepted: (Double, [Double], [Double])?
      for _ in 0..<30 {
        let xn = project((0..<m).map { x[$0] + t * p[$0] })
        let step = (0..<m).map { xn[$0] - x[$0] }
        if step.allSatisfy({ $0 == 0 }) { break }
        evaluations += 1
        if let (fn, gn) = f(xn), fn.isFinite, fn <= fx + 1e-4 * dot(g, step) {
          accepted = (fn, gn, xn)
          break
        }
        t *= 0.5
      }
      guard let (fn, gn, xn) = accepted else { break }
      let s = (0..<m).map { xn[$0] - x[$0] }
      let yv = (0..<m).map { gn[$0] - g[$0] }
      let sy = dot(s, yv)
      if sy > 1e-12 * dot(yv, yv) && sy > 0 {
        ss.append(s); ys.append(yv); rhos.append(1 / sy)
        if ss.count > memory { ss.removeFirst(); ys.removeFirst(); rhos.removeFirst() }
      }
      let improvement = fx - fn
      x = xn; fx = fn; g = gn
      if improvement < functionTolerance * max(1, abs(fx)) { break }
    }
    return Result(x: x, value: fx, iterations: iterations, evaluations: evaluations)
  }

  @inline(__always)
  private func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
  }
}
