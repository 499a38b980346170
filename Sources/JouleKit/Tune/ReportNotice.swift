import Foundation
import Script
import Tune

/// Says once per study that `report(...)` gave keys the study never reads, so pruning and
/// intermediate curves saw nothing (the trials still run to the end).
///
///     report({acc: a}, step: 1)   # study metric "accuracy" →
///     tune: report gave acc, but study 'adam' reads 'accuracy' (or a bare number): nothing was pruned on it
enum ReportNotice {
  private nonisolated(unsafe) static var told: Set<String> = []
  private static let lock = NSLock()

  static func tell(_ keys: [String], study: StudySettings, _ ctx: any CallContext) {
    lock.lock()
    let first = told.insert(study.name).inserted
    lock.unlock()
    guard first else { return }
    ctx.output.write("tune: report gave \(keys.joined(separator: ", ")), but study '\(study.name)' reads "
      + "'\(study.metric)' (or a bare number): pruning cannot use these reports\n")
  }
}
