import Foundation
import Testing
import Tune

/// Trials the pruner stopped after their last step ran every step they were given: complete.
/// Pruned trials are those cut short; their saving counts to their own plan.
private func finished(_ n: Int, _ scores: [Double]) -> IntermediateCurve {
  IntermediateCurve(number: n, scores: Dictionary(uniqueKeysWithValues: scores.enumerated().map { ($0 + 1, $1) }),
                    complete: true)
}

private let better = (1...5).map { finished($0, [0.8, 0.9, 0.95]) }

@Test func aTrialStoppedAfterItsLastPlannedStepIsComplete() {
  let m = TrialMonitor(number: 6, metric: "accuracy", direction: .maximize, pruner: MedianPruner(startupTrials: 5), others: better)
  m.plan(steps: 1)
  // Below the median at its only step: the pruner says stop, but nothing was left to run.
  #expect(m.report(step: 1, values: ["accuracy": 0.1]))
  #expect(m.verdict == .pruned)
  var trial = Trial(number: 6, suggestion: 5, params: [], state: .complete, value: 0.1)
  m.apply(to: &trial)
  #expect(trial.state == .complete)
  #expect(trial.metrics["planned_steps"] == 1)
}

@Test func aTrialStoppedBeforeItsLastPlannedStepIsPruned() {
  let m = TrialMonitor(number: 6, metric: "accuracy", direction: .maximize, pruner: MedianPruner(startupTrials: 5), others: better)
  m.plan(steps: 3)
  #expect(m.report(step: 1, values: ["accuracy": 0.1]))
  var trial = Trial(number: 6, suggestion: 5, params: [], state: .failed, error: "report: trial stopped")
  m.apply(to: &trial)
  #expect(trial.state == .pruned)
  #expect(trial.error == nil)
  #expect(trial.metrics["stopped_at_step"] == 1)
}

@Test func aBareNumberReportedIsTheStudysMetricWhateverItsName() {
  let m = TrialMonitor(number: 6, metric: "accuracy", direction: .maximize, pruner: MedianPruner(startupTrials: 5), others: better)
  #expect(m.report(step: 1, values: ["value": 0.1]))
  #expect(m.verdict == .pruned)
  // Stored under the study's metric, so the next trials compare against this curve.
  #expect(m.metrics["accuracy@1"] == 0.1)
  #expect(m.unreadKeys == nil)
  // A lone loss is not the metric.
  let lossOnly = TrialMonitor(number: 7, metric: "accuracy", direction: .maximize, pruner: MedianPruner(startupTrials: 5), others: better)
  #expect(!lossOnly.report(step: 1, values: ["loss": 9]))
  #expect(lossOnly.curve.scores.isEmpty)
}

@Test func aReportOfKeysTheStudyNeverReadsIsNoticed() {
  let m = TrialMonitor(number: 6, metric: "accuracy", direction: .maximize, pruner: MedianPruner(startupTrials: 5), others: better)
  #expect(!m.report(step: 1, values: ["acc": 0.1, "loss": 2]))
  #expect(m.unreadKeys == ["acc", "loss"])
  #expect(m.verdict == .running)
}

@Test func joulesSavedCountsEachPrunedTrialsOwnPlannedSteps() {
  var settings = StudySettings(name: "saved", space: try! SearchSpace([("x", try! .uniform(0, 1))]), strategy: .random)
  settings.metric = "accuracy"
  var trials: [Trial] = []
  // A complete trial of 10 steps: without plans, the saving would count to step 10.
  var long = Trial(number: 1, suggestion: 0, params: [.double(0.5)], state: .complete, value: 0.9, energyJ: 100)
  for s in 1...10 { long.metrics["accuracy@\(s)"] = 0.9 }
  trials.append(long)
  // Pruned at step 1 of a 2-step plan, having spent 6 J: it saved 6 J more, not 54.
  var pruned = Trial(number: 2, suggestion: 1, params: [.double(0.1)], state: .pruned, energyJ: 6)
  pruned.metrics = ["accuracy@1": 0.1, "stopped_at_step": 1, "planned_steps": 2]
  trials.append(pruned)
  let study = Study(settings: settings, trials: trials)
  #expect(abs(study.joulesSaved - 6) < 1e-9)
  // Without its plan it falls back to the longest complete trial's steps.
  pruned.metrics["planned_steps"] = nil
  #expect(abs(Study(settings: settings, trials: [long, pruned]).joulesSaved - 54) < 1e-9)
}

@Test func aTrialHoldsItsOutcome() {
  let o = TrialOutcome(state: .complete, value: 0.8, metrics: ["accuracy": 0.8], energyJ: 12, machineEnergyJ: 20,
                       energySource: "rapl", energyEstimated: false, seconds: 3)
  var t = Trial(number: 1, suggestion: 0, params: [])
  t.outcome = o
  #expect(t.value == 0.8 && t.energyJ == 12 && t.machineEnergyJ == 20 && t.energySource == "rapl" && t.seconds == 3)
  t.energyJ = 5
  #expect(t.outcome.energyJ == 5)
}
