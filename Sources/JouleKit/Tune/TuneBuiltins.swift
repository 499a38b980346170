import Script
import Tune

/// The tuning builtins: search spaces, `tune`, and reading studies back.
///
///     sp = space(lr: loguniform(1e-5, 1e-1), beta1: uniform(0.5, 0.99))
///     s = tune(fn(p) { train(simple_cnn(), data, optimizer: adam(lr: p.lr, beta1: p.beta1)) }, sp,
///              strategy: "bayes", trials: 20, budget_j: 50000, study: "adam")
///     best(s).params;  pareto(s);  rounds_to(s, 0.85);  load_study("adam")
enum TuneBuiltins {
  static func register(into registry: BuiltinRegistry) {
    SpaceBuiltins.register(into: registry)
    registry.register(Builtin("tune", TuneCall.parameters, family: "tuning", doc: """
      Tunes hyperparameters: calls objective(params) per trial, measures each trial's joules, stores every \
      finished trial, and returns a study. Strategies: grid, random, bayes (GP, Matérn-5/2), tpe (Optuna's default TPE), \
      nsga2 (two objectives). prune: "median", "halving" or "hyperband" stops poor trials from train's epochs or report(); \
      maximize: and minimize: together search a trade-off (s.pareto, s.hypervolume, tradeoff(s)); there prune: "median" \
      stops a trial most complete trials beat on both at the same step (docs/tuning.md).
      """, body: TuneCall.run))
    StudyBuiltins.register(into: registry)
    registry.register(SampleBuiltin.builtin)
    registry.register(ReportBuiltin.builtin)
  }
}
