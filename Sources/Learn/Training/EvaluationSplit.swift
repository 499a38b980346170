/// Which held-out samples a figure was measured on. Model selection (tuning, pruning, picking
/// the best run) belongs on the validation split; the test split is for the final report.
///
///     let split: EvaluationSplit = data.validation == nil ? .test : .validation
///     split.field("accuracy")   // "val_accuracy" or "test_accuracy"
public enum EvaluationSplit: String, Sendable {
  case validation, test

  /// The name a record gives a figure on this split: "val_loss", "test_accuracy".
  public func field(_ figure: String) -> String {
    (self == .validation ? "val_" : "test_") + figure
  }
}
