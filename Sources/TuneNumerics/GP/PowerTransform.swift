import Foundation

/// The Yeo–Johnson power transform, with λ fitted so the transformed values look most Gaussian.
///
///     let t = PowerTransform(fitting: costs)   // costs: smaller is better, any sign
///     let z = costs.map(t.apply)               // monotone: the order (and the best) is kept
///
/// A GP with a stationary kernel and Gaussian noise models a heavy-tailed objective badly: on
/// Goldstein–Price (values from 3 to 10⁶) or Rosenbrock a few huge values set the scale, and
/// every point near the optimum looks alike. HEBO (Cowen-Rivers et al. 2022) fixes this by
/// power-transforming the outputs before the fit; joule does the same. λ maximises the profile
/// log-likelihood of a normal fit to the transformed, standardised values (Yeo & Johnson 2000,
/// as scikit-learn's `PowerTransformer`), over a grid of λ in [−2, 2] in steps of 0.1 — the
/// likelihood is flat near its optimum, and a grid keeps the fit deterministic and cheap.
public struct PowerTransform: Sendable {
  public let lambda: Double
  /// Location and scale that standardise the inputs before the transform.
  let mean: Double
  let sd: Double

  public init(lambda: Double, mean: Double = 0, sd: Double = 1) {
    self.lambda = lambda
    self.mean = mean
    self.sd = sd
  }

  public init(fitting values: [Double]) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var v = 0.0
    for t in values { v += (t - mean) * (t - mean) }
    var sd = (v / n).squareRoot()
    if !(sd > 1e-12) { sd = 1 }
    let xs = values.map { ($0 - mean) / sd }
    var best = (lambda: 1.0, ll: -Double.infinity)
    for step in -20...10 {
      let l = Double(step) / 10
      let t = xs.map { PowerTransform.yeoJohnson($0, l) }
      let m = t.reduce(0, +) / n
      var s2 = 0.0
      for y in t { s2 += (y - m) * (y - m) }
      s2 /= n
      guard s2 > 1e-300, s2.isFinite else { continue }
      // Profile log-likelihood: −n/2 log σ² + (λ − 1) Σ sign(x) log(|x| + 1).
      var jac = 0.0
      for x in xs { jac += (x >= 0 ? 1 : -1) * log1p(abs(x)) }
      let ll = -n / 2 * log(s2) + (l - 1) * jac
      if ll > best.ll { best = (l, ll) }
    }
    self.init(lambda: best.lambda, mean: mean, sd: sd)
  }

  public func apply(_ x: Double) -> Double { PowerTransform.yeoJohnson((x - mean) / sd, lambda) }

  static func yeoJohnson(_ x: Double, _ l: Double) -> Double {
    if x >= 0 {
      return abs(l) < 1e-9 ? log1p(x) : (pow(x + 1, l) - 1) / l
    }
    return abs(l - 2) < 1e-9 ? -log1p(-x) : -(pow(1 - x, 2 - l) - 1) / (2 - l)
  }
}
