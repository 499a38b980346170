/// Limited-memory BFGS for smooth unconstrained minimisation (Nocedal & Wright 2006, Alg. 7.4/7.5).
///
///     let r = LBFGS(memory: 7, maxIterations: 50).minimize(x0) { x in (f(x), grad(x)) }
///     r.x, r.value
///
/// The objective returns nil where it cannot be evaluated (e.g. a failed Cholesky); the line search
/// treats that as +∞ and backs off. Backtracking Armijo line search, halving the step.
public struct LBFGS {
  public var memory: Int
  public var maxIterations: Int
  public var gradientTolerance: Double
  /// Stop when an iteration lowers the value by less than this, relative to |f| (at least 1).
  public var functionTolerance: Double

  public init(memory: Int = 7, maxIterations: Int = 50, gradientTolerance: Double = 1e-5, functionTolerance: Double = 1e-7) {
    self.memory = memory
    self.maxIterations = maxIterations
    self.gradientTolerance = gradientTolerance
    self.functionTolerance = functionTolerance
  }

  public struct Result {
    public var x: [Double]
    public var value: Double
    public var iterations: Int
  }

  public func minimize(_ x0: [Double], _ f: ([Double]) -> (Double, [Double])?) -> Result? {
    guard var (fx, g) = f(x0), fx.isFinite else { return nil }
    var x = x0
    let m = x.count
    var ss: [[Double]] = [], ys: [[Double]] = [], rhos: [Double] = []
    var iterations = 0
    for iter in 0..<maxIterations {
      iterations = iter + 1
      if g.map(abs).max() ?? 0 < gradientTolerance { break }
      // Two-loop recursion: p = −H g.
      var q = g
      var alphas = [Double](repeating: 0, count: ss.count)
      for k in stride(from: ss.count - 1, through: 0, by: -1) {
        let a = rhos[k] * dot(ss[k], q)
        alphas[k] = a
        for i in 0..<m { q[i] -= a * ys[k][i] }
      }
      if let s = ss.last, let y = ys.last {
        let gamma = dot(s, y) / dot(y, y)
        for i in 0..<m { q[i] *= gamma }
      } else {
        // First step: scale so the move is at most about 1 in θ units.
        let norm = dot(g, g).squareRoot()
        if norm > 1 { for i in 0..<m { q[i] /= norm } }
      }
      for k in 0..<ss.count {
        let b = rhos[k] * dot(ys[k], q)
        for i in 0..<m { q[i] += ss[k][i] * (alphas[k] - b) }
      }
      var p = q.map { -$0 }
      var slope = dot(g, p)
      if !(slope < 0) {
        ss.removeAll(); ys.removeAll(); rhos.removeAll()
        p = g.map { -$0 }
        slope = dot(g, p)
      }
      var t = 1.0
      var accepted: (Double, [Double], [Double])?
      for _ in 0..<30 {
        let xn = zip(x, p).map { $0 + t * $1 }
        if let (fn, gn) = f(xn), fn.isFinite, fn <= fx + 1e-4 * t * slope {
          accepted = (fn, gn, xn)
          break
        }
        t *= 0.5
      }
      guard let (fn, gn, xn) = accepted else { break }
      let s = zip(xn, x).map { $0 - $1 }
      let yv = zip(gn, g).map { $0 - $1 }
      let sy = dot(s, yv)
      if sy > 1e-12 {
        ss.append(s); ys.append(yv); rhos.append(1 / sy)
        if ss.count > memory { ss.removeFirst(); ys.removeFirst(); rhos.removeFirst() }
      }
      let improvement = fx - fn
      x = xn; fx = fn; g = gn
      if improvement < functionTolerance * max(1, abs(fx)) { break }
    }
    return Result(x: x, value: fx, iterations: iterations)
  }

  @inline(__always)
  private func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
  }
}
