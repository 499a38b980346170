/// The value the Bayesian sampler's GP reverts to far from every trial.
///
///     var b = BayesSampler(space: space, seed: 1)
///     b.priorMean = .average      // the rule before 0.3, kept to measure against
///
/// `worstObserved` (the default) puts the GP's constant prior mean at the worst score seen, so a
/// region no trial has been near is expected to be as bad as the worst trial rather than average.
/// Its expected improvement then comes from the variance alone, which in five or more dimensions
/// stops the acquisition from chasing the corners of the cube, the points farthest from every
/// trial (De Ath, Fieldsend & Everson 2020, "What do you mean? The role of the mean function in
/// Bayesian optimisation", GECCO: for d ≥ 5 the worst-observed mean was the best of 8 mean
/// functions on their synthetic problems). On `scripts/bench-tune`'s Hartmann-6, the average mean
/// sent 122 of 600 model-guided trials (20 seeds, trials 11–40) to a corner, where the function is
/// flat at 0; the worst-observed mean sent none. `average` is the mean of the scores (0 after
/// standardising), the usual choice and Optuna's GPSampler's.
public enum PriorMean: String, Sendable, CaseIterable {
  case worstObserved = "worst"
  case average = "average"
}
