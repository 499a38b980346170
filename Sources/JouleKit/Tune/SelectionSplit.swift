import Foundation
import Script

/// Which figure of an objective's result `tune` selects on when told "accuracy" (the default):
/// a train run's validation accuracy when its data holds a validation split, so the test set
/// stays out of model selection. Without one it selects on test accuracy and says so, once a session.
///
///     let note = SelectionSplit()
///     let name = note.field(for: "accuracy", has: { record[$0] != nil }, ctx)   // "val_accuracy"
final class SelectionSplit {
  private let quiet: Bool
  /// The sessions already told: once per session, however many studies a notebook runs.
  private static var told = Set<ObjectIdentifier>()
  private static let lock = NSLock()

  /// `quiet`: a tune worker process, whose lead says it for the study when the trials are back
  /// (`TuneCall.run`).
  init(quiet: Bool = false) {
    self.quiet = quiet
  }

  /// The field to read for `metric`; writes the test-set note the first time it applies.
  func field(for metric: String, has: (String) -> Bool, _ ctx: any CallContext) -> String {
    guard metric == "accuracy" else { return metric }
    if has("val_accuracy") { return "val_accuracy" }
    if has("test_accuracy") && !quiet && SelectionSplit.firstTime(ctx) {
      ctx.output.write("tune: selecting on test accuracy, as the data has no validation split (the best trial's "
        + "test score is then optimistic); dataset(..., validation: 0.1) holds a tenth of the training images out "
        + "and tune selects on val_accuracy\n")
    }
    return metric
  }

  private static func firstTime(_ ctx: any CallContext) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return told.insert(ObjectIdentifier(ctx as AnyObject)).inserted
  }

  /// The field a study's trials were selected on, for its columns and summary.
  static func selected(_ metric: String, metrics: [[String: Double]]) -> String {
    metric == "accuracy" && metrics.contains(where: { $0["val_accuracy"] != nil }) ? "val_accuracy" : metric
  }
}
