/// How the Bayesian sampler treats trials that are still running when it suggests the next one.
///
///     var b = BayesSampler(space: space, seed: 1)
///     b.pendingRule = .constantLiar      // the rule before 0.3, kept to measure against
///
/// `krigingBeliever` (the default) conditions the GP on the model's own mean at each running
/// point (Ginsbourger, Le Riche & Carraro 2010), which shrinks the variance there without
/// pretending the point was bad; `constantLiar` enters each running trial with the worst score
/// seen so far, which also pushes the search away from everything near it.
public enum PendingRule: String, Sendable, CaseIterable {
  case krigingBeliever = "believer"
  case constantLiar = "liar"
}
