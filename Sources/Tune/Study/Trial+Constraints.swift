/// A trial's constraint values, kept in its metrics as `constraint1`, `constraint2`, ….
///
///     trial.metrics["constraint1"] = energyJ - 40          // feasible when ≤ 0
///     trial.isFeasible(constraints: 1)                     // true when energyJ ≤ 40
///
/// Stored as metrics so the `trials` table shows them and the store needs no new column. A trial
/// of a constrained study without its values (the objective failed before they were computed)
/// counts as infeasible: it is never the best.
extension Trial {
  /// The metrics key of constraint `i` (0-based).
  public static func constraintKey(_ i: Int) -> String { "constraint\(i + 1)" }

  /// The first `count` constraint values, nil when any is missing.
  public func constraintValues(count: Int) -> [Double]? {
    guard count > 0 else { return nil }
    var out: [Double] = []
    for i in 0..<count {
      guard let v = metrics[Trial.constraintKey(i)] else { return nil }
      out.append(v)
    }
    return out
  }

  /// Whether every one of `count` constraints holds (NaN does not).
  public func isFeasible(constraints count: Int) -> Bool {
    guard count > 0 else { return true }
    return constraintValues(count: count)?.allSatisfy { $0 <= 0 } ?? false
  }
}
