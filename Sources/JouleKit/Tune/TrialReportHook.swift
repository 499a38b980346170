/// Where intermediate values go while a `tune` trial runs.
///
/// `tune` sets `current` for the length of each trial; `train` (each epoch), `report()` and
/// `command()` (each `JOULE_REPORT` line) call it. It returns true when the trial should stop
/// now because the study's pruner says so.
public enum TrialReportHook {
  nonisolated(unsafe) public static var current: ((_ step: Int?, _ values: [String: Double]) -> Bool)?
}
