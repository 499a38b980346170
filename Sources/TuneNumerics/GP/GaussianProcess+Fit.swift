import Foundation

extension GaussianProcess {
  /// Fits the hyperparameters by maximising the log posterior (marginal likelihood times weak
  /// priors), from the prior centre and `restarts − 1` random starts, with L-BFGS; returns the GP
  /// at the best optimum.
  ///
  ///     var rng = SeededGenerator(seed: 1)
  ///     let gp = try GaussianProcess.fit(x: xs, y: ys, kernel: k, restarts: 3, using: &rng)
  ///
  /// The bounds are the box of the one L-BFGS joule has (`BoundedLBFGS`, projected L-BFGS-B); the
  /// sigmoid reparametrisation the old unbounded L-BFGS needed flattened the gradient near the
  /// bounds. If every start fails, falls back to the prior centre with the largest noise.
  ///
  /// `warmStart` (the θ of the previous fit, as Optuna's GPSampler keeps its kernel parameters
  /// from one suggestion to the next) replaces the random restarts: one more trial rarely moves
  /// the optimum far, so the fit starts there and at the prior centre (`restarts` > 1) or there
  /// alone (`restarts` = 1), cold only if that fails.
  public static func fit(x: [[Double]], y: [Double], kernel: MaternKernel,
                         prior: HyperparameterPrior = .standard, restarts: Int = 3,
                         maxIterations: Int = 50, warmStart: [Double]? = nil,
                         using rng: inout SeededGenerator) throws -> GaussianProcess {
    let d = x.first?.count ?? 0
    let ml = MarginalLikelihood(x: x, y: y, kernel: kernel, prior: prior)
    let bounds = (0..<(d + 2)).map { prior.component($0, d: d) }
    let lower = bounds.map(\.lower), upper = bounds.map(\.upper)
    let objective: ([Double]) -> (Double, [Double])? = { ml.evaluate($0) }
    var starts = [prior.centre(d: d)]
    let warm = warmStart.flatMap { w in w.count == d + 2 && w.allSatisfy(\.isFinite) ? w : nil }
    if warm == nil {
      for _ in 1..<max(restarts, 1) { starts.append(prior.draw(d: d, using: &rng)) }
    }
    // Hyperparameters matter to about 1e-6 of the log posterior; finer convergence only costs time.
    let optimizer = BoundedLBFGS(memory: 7, maxIterations: maxIterations, projectedGradientTolerance: 1e-4,
                                 functionTolerance: 1e-6)
    var best: (value: Double, theta: [Double])?
    // From the previous optimum; with `restarts` > 1 also from the prior centre (with few points
    // the posterior has several modes and the previous one can be the wrong one); with 1, from
    // the previous optimum alone as Optuna does, cold only if it fails.
    if let warm, let r = optimizer.minimize(warm, lower: lower, upper: upper, objective) { best = (r.value, r.x) }
    for s in starts where best == nil || warm == nil || restarts > 1 {
      guard let r = optimizer.minimize(s, lower: lower, upper: upper, objective) else { continue }
      if best == nil || r.value < best!.value { best = (r.value, r.x) }
    }
    var h = GPHyperparameters(theta: best?.theta ?? prior.centre(d: d))
    if best == nil { h.noiseVariance = exp(prior.logNoise.upper) }
    return try GaussianProcess(x: x, y: y, kernel: kernel, hyperparameters: h)
  }
}
