/// Where the Bayesian sampler puts its first `initial` trials, before any model is fitted.
///
///     var b = BayesSampler(space: space, seed: 1)
///     b.initialDesign = .random      // the rule before 0.3, kept to measure against
///
/// `latinHypercube` (the default) spreads them so each axis has one trial in each of `initial`
/// equal strata (`LatinHypercube`); `random` draws them independently, as `RandomSampler` does.
/// On `scripts/bench-tune`'s Hartmann-6 the search climbs into the basin of the best initial
/// trials and stays there; with the Latin hypercube 151 of 200 runs (seeds 101–300) reached the
/// global basin by 40 trials, against 134 with random points, and 273 of 400 against 247 on
/// seeds 301–700 (docs/tuning.md, "Held out").
public enum InitialDesign: String, Sendable, CaseIterable {
  case latinHypercube = "lhs"
  case random = "random"
}
