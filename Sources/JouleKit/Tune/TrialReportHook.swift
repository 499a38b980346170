import Foundation

/// Where intermediate values go while a `tune` trial runs.
///
/// `tune` sets `current` for the length of each trial; `train` (each epoch), `report()` and
/// `command()` (each `JOULE_REPORT` line) call it. It returns true when the trial should stop
/// now because the study's pruner says so.
///
///     TrialReportHook.current = { step, values in monitor.report(step: step, values: values) }
///     defer { TrialReportHook.current = nil }
///
/// The hook belongs to the thread that set it, the one running the trial's interpreter: other
/// interpreters in the same process (the test suites run many at once, a kernel may run
/// another) must never report into this trial's pruner, nor be stopped by it.
public enum TrialReportHook {
  public typealias Hook = (_ step: Int?, _ values: [String: Double]) -> Bool

  /// This thread's hook, or nil outside a trial.
  public static var current: Hook? {
    get { (Thread.current.threadDictionary[key] as? HookBox)?.hook }
    set { Thread.current.threadDictionary[key] = newValue.map(HookBox.init) }
  }

  /// This thread's trial's plan: `train` says how many epochs it was given, so a trial that ran
  /// them all is complete whatever the pruner said after the last (`TrialMonitor.plan`).
  public static var currentPlan: ((Int) -> Void)? {
    get { (Thread.current.threadDictionary[planKey] as? PlanBox)?.plan }
    set { Thread.current.threadDictionary[planKey] = newValue.map(PlanBox.init) }
  }

  private static let key = "joule.TrialReportHook"
  private static let planKey = "joule.TrialReportHook.plan"

  private final class PlanBox {
    let plan: (Int) -> Void
    init(_ plan: @escaping (Int) -> Void) { self.plan = plan }
  }

  private final class HookBox {
    let hook: Hook
    init(_ hook: @escaping Hook) { self.hook = hook }
  }
}
