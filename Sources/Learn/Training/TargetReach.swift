/// How much of a run it took to reach a target: the per-run counterpart of a study's
/// `roundsTo` (the paper's rounds to the optimum).
///
///     TargetReach.first([0.71, 0.79, 0.82, 0.81], reaching: 0.8)   // 2 (the third epoch)
///     TargetReach.first([0.9, 0.6, 0.5], reaching: 0.55, higherIsBetter: false)   // 2
public enum TargetReach {
  /// The index of the first value at or beyond `target` (above it, or below it for a loss);
  /// nil when none gets there. Missing values (epochs not evaluated) never count.
  public static func first(_ values: [Double?], reaching target: Double, higherIsBetter: Bool = true) -> Int? {
    values.firstIndex { v in
      guard let v, v.isFinite else { return false }
      return higherIsBetter ? v >= target : v <= target
    }
  }
}
