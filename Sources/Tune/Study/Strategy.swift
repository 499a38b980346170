/// How a study picks its points.
///
///     Strategy(rawValue: "bayes")   // .bayes
public enum Strategy: String, Codable, CaseIterable, Sendable {
  case grid, random, bayes
  /// The tree-structured Parzen estimator (Optuna's default sampler).
  case tpe
  /// NSGA-II for two objectives (Optuna's `NSGAIISampler` defaults).
  case nsga2
  /// A designed experiment: every combination of the factors, repeated, in seeded random order
  /// (`FactorialSampler`).
  case factorial
}

/// Whether larger or smaller values of the objective are better.
public enum Direction: String, Codable, Sendable {
  case maximize, minimize

  /// `value` turned so that larger is always better.
  public func score(_ value: Double) -> Double { self == .maximize ? value : -value }

  /// True when `a` is strictly better than `b`.
  public func better(_ a: Double, than b: Double) -> Bool { self == .maximize ? a > b : a < b }
}
