import Foundation

/// Watches one running trial's intermediate reports: records them, stops the trial when it
/// diverges or when the study's pruner says so.
///
///     let m = TrialMonitor(number: 7, metric: "accuracy", direction: .maximize, pruner: MedianPruner(), others: curves)
///     if m.report(step: 1, values: ["accuracy": 0.61, "loss": 0.9]) { /* stop now */ }
///     m.verdict          // .running, .pruned or .diverged
///
/// The study's metric is taken from `values[metric]`, else `values["value"]`, else the only value.
/// In a study with two objectives (`second`) the second is taken from `values[second.metric]`,
/// else, for `energy_j`, from `joulesSoFar` (the trial's own energy window, set by whoever runs
/// the objective), so a `train` that reports only accuracy is still compared on energy so far.
/// Every value is kept as a metric named "name@step" ("accuracy@2"), which is how intermediate
/// values travel in the store's `metrics_json` without a schema change. After the first stop every
/// later report answers true again, so nested callers (a `train` inside a `report`ing loop) all stop.
public final class TrialMonitor: @unchecked Sendable {
  public enum Verdict: String, Sendable { case running, pruned, diverged }

  public let number: Int
  public let metric: String
  public let direction: Direction
  public let pruner: (any Pruner)?
  /// The second objective of a two-objective study, nil otherwise.
  public let second: Objective?
  public let divergence: DivergenceRule
  /// The other trials' curves when this trial started.
  public let others: [IntermediateCurve]
  public private(set) var verdict: Verdict = .running
  /// "name@step" → value for every report so far.
  public private(set) var metrics: [String: Double] = [:]
  public private(set) var curve: IntermediateCurve
  /// The step at which the trial was stopped.
  public private(set) var stoppedAt: Int?
  /// The steps the trial was given (a train's epochs), when the work said: a trial stopped at
  /// its last step was not cut short, and a pruned one's saving is counted to its own plan.
  public private(set) var plannedSteps: Int?
  /// The keys of a report that gave nothing the study reads (neither its metric, nor `value`,
  /// nor a single number); nil while every report was read.
  public private(set) var unreadKeys: [String]?
  private var firstLoss: Double?
  private var joulesSource: (() -> Double)?
  /// The last energy_j a report gave itself (a synthetic objective's joules so far).
  private var reportedJoules: Double?
  private let lock = NSLock()

  public init(number: Int, metric: String, direction: Direction, pruner: (any Pruner)?,
              divergence: DivergenceRule = DivergenceRule(), others: [IntermediateCurve], second: Objective? = nil) {
    self.number = number
    self.metric = metric
    self.direction = direction
    self.pruner = pruner
    self.divergence = divergence
    self.others = others
    self.second = second
    curve = IntermediateCurve(number: number, scores: [:], complete: false, second: second == nil ? nil : [:])
  }

  /// Where the trial's joules so far come from, for a second objective `energy_j` that a report
  /// leaves out (train's epochs report accuracy and loss only).
  public func measure(joulesSoFar: @escaping () -> Double) {
    lock.lock()
    defer { lock.unlock() }
    joulesSource = joulesSoFar
  }

  /// Records a report; true when the trial should stop now. `step` nil means the one after the last.
  public func report(step: Int?, values: [String: Double]) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if verdict != .running { return true }
    let s = step ?? ((curve.lastStep ?? 0) + 1)
    for (k, v) in values { metrics["\(k)@\(s)"] = v }
    if let j = values["energy_j"] { reportedJoules = j }
    let loss = values["loss"]
    // A lone loss is the divergence rule's, not the metric (a train without held-out accuracy).
    let lone = values.count == 1 && values.first?.key != "loss" ? values.first?.value : nil
    let value = values[metric] ?? values["value"] ?? lone
    if let value {
      curve.scores[s] = value.isFinite ? direction.score(value) : .nan
      // A bare number is the study's metric, whatever its name: stored under it, so later
      // trials compare against this curve (`curve(of:)` reads "metric@step").
      metrics["\(metric)@\(s)"] = value
    } else if unreadKeys == nil, values.keys.contains(where: { $0 != "loss" }) {
      unreadKeys = values.keys.sorted()
    }
    if let second, value != nil {
      // Energy so far is read at the report, so every trial's pair at step s spans the same work.
      let cost = values[second.metric] ?? (second.metric == "energy_j" ? joulesSource?() : nil)
      if let cost {
        metrics["\(second.metric)@\(s)"] = cost
        curve.second?[s] = cost.isFinite ? second.direction.score(cost) : .nan
      }
    }
    if divergence.diverged(loss: loss, firstLoss: firstLoss) || value.map({ !$0.isFinite }) == true {
      verdict = .diverged
      stoppedAt = s
      return true
    }
    if firstLoss == nil, let loss { firstLoss = loss }
    if value != nil, let pruner, pruner.shouldPrune(curve, others: others) {
      verdict = .pruned
      stoppedAt = s
      return true
    }
    return false
  }

  /// Records the steps the trial's work was given (train's `epochs`).
  public func plan(steps: Int) {
    lock.lock()
    defer { lock.unlock() }
    plannedSteps = steps
  }

  /// The curve of a stored trial, rebuilt from its "metric@step" entries (and the second
  /// objective's, in a two-objective study).
  public static func curve(of trial: Trial, metric: String, direction: Direction,
                           second: Objective? = nil) -> IntermediateCurve {
    func scores(_ metric: String, _ direction: Direction) -> [Int: Double] {
      var scores: [Int: Double] = [:]
      let prefix = metric + "@"
      for (k, v) in trial.metrics where k.hasPrefix(prefix) {
        if let s = Int(k.dropFirst(prefix.count)) { scores[s] = v.isFinite ? direction.score(v) : .nan }
      }
      return scores
    }
    return IntermediateCurve(number: trial.number, scores: scores(metric, direction), complete: trial.state == .complete,
                             second: second.map { scores($0.metric, $0.direction) })
  }

  /// Writes what the monitor saw into a finished trial: the intermediate values among its
  /// metrics, and the state `pruned` or `diverged` when the monitor stopped it (an error the
  /// stop itself raised is dropped; a pruned trial without a value takes its metric at the stop).
  public func apply(to trial: inout Trial) {
    lock.lock()
    defer { lock.unlock() }
    trial.metrics.merge(metrics) { _, new in new }
    switch verdict {
    case .running: break
    case .pruned:
      // Stopped at its last step, it completed every step it was given: pruning cut nothing.
      if let planned = plannedSteps, let stoppedAt, stoppedAt >= planned {
        if trial.state == .failed || trial.state == .pruned { trial.state = trial.value == nil ? .failed : .complete }
        if trial.state == .complete { trial.error = nil }
        break
      }
      trial.state = .pruned
      trial.error = nil
      // Stopped inside report() the objective returned nothing: its value is the one at the stop,
      // and joules it reported there replace the measured ones, as a returned energy_j does.
      if trial.value == nil, let stoppedAt, let v = metrics["\(metric)@\(stoppedAt)"], v.isFinite {
        trial.value = v
        if let j = reportedJoules, j.isFinite {
          trial.outcome.energyJ = j
          trial.outcome.energySource = nil
          trial.outcome.energyEstimated = nil
        }
      }
    case .diverged:
      trial.state = .diverged
      trial.error = nil
    }
    if let stoppedAt { trial.metrics["stopped_at_step"] = Double(stoppedAt) }
    if let plannedSteps { trial.metrics["planned_steps"] = Double(plannedSteps) }
  }
}
