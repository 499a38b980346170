import Foundation
import Testing
import StudyStore
import Tune

private func temporaryStore() throws -> (StudyStore, String) {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-tune-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let path = dir.appendingPathComponent("studies.sqlite").path
  return (try StudyStore(path: path), path)
}

private func settings(_ strategy: Strategy, trials: Int, name: String = "s") throws -> StudySettings {
  let space = try SearchSpace([("lr", .logUniform(1e-4, 1e-1)), ("beta1", .uniform(0.5, 0.99)),
                               ("batch", .choice([.int(32), .int(64), .int(128)]))])
  var s = StudySettings(name: name, space: space, strategy: strategy)
  s.seed = 7
  s.trials = trials
  s.candidates = 1000
  return s
}

private func objective(_ r: StudyRunner.Request) -> TrialOutcome {
  let v = -pow(log10(r.params[0].value.number!) + 2, 2) - r.params[1].value.number!
  return TrialOutcome(state: .complete, value: v, metrics: ["accuracy": v], energyJ: 12.5, energySource: "estimate",
                      energyEstimated: true, seconds: 0.01)
}

@Test func storeRoundTripsAStudy() throws {
  let (store, path) = try temporaryStore()
  let study = try StudyRunner(settings: settings(.bayes, trials: 6), store: store).run(objective: objective, shouldStop: { false })
  let back = try #require(try StudyStore(path: path).load("s"))
  #expect(back.trials.count == 6)
  for (a, b) in zip(study.trials, back.trials) {
    #expect(a.number == b.number && a.suggestion == b.suggestion)
    #expect(a.params == b.params)
    #expect(a.value == b.value && a.state == b.state && a.metrics == b.metrics)
    #expect(a.energyJ == b.energyJ && a.energySource == b.energySource && a.energyEstimated == b.energyEstimated)
  }
  #expect(back.settings.space == study.settings.space)
  #expect(try store.list().map(\.name) == ["s"])
}

@Test func resumedRandomAndGridStudiesSuggestWhatAnUninterruptedRunWould() throws {
  for strategy in [Strategy.random, .grid] {
    let (whole, _) = try temporaryStore()
    let full = try StudyRunner(settings: settings(strategy, trials: 8), store: whole).run(objective: objective, shouldStop: { false })
    let (parts, _) = try temporaryStore()
    _ = try StudyRunner(settings: settings(strategy, trials: 3), store: parts).run(objective: objective, shouldStop: { false })
    let resumed = try StudyRunner(settings: settings(strategy, trials: 8), store: parts).run(objective: objective, shouldStop: { false })
    #expect(resumed.trials.map(\.params) == full.trials.map(\.params), "\(strategy)")
  }
}

@Test func aTrialWhoseProcessEndedIsMarkedStaleAndRunAgain() throws {
  let (store, path) = try temporaryStore()
  // A killed worker: two finished trials, then one left running by a process that has ended.
  var calls = 0
  _ = try StudyRunner(settings: settings(.random, trials: 2), store: store).run(objective: objective, shouldStop: { false })
  var stuck = Trial(number: 3, suggestion: 2, params: [.double(0.01), .double(0.6), .int(64)],
                    worker: "\(ProcessInfo.processInfo.hostName):\(try endedProcessID())")
  stuck.state = .running
  try store.save(stuck, in: "s")

  let study = try StudyRunner(settings: settings(.random, trials: 4), store: try StudyStore(path: path)).run(objective: { r in
    calls += 1
    return objective(r)
  }, shouldStop: { false })
  #expect(calls == 2)
  #expect(study.trials.map(\.state) == [.complete, .complete, .stale, .complete, .complete])
  // The re-run keeps the stale trial's suggestion and parameters.
  #expect(study.trials[3].suggestion == 2)
  #expect(study.trials[3].params == stuck.params)
  #expect(study.finishedCount == 4)
}

/// The pid of a child that has exited and been reaped.
func endedProcessID() throws -> Int32 {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/bin/true")
  try p.run()
  p.waitUntilExit()
  return p.processIdentifier
}

@Test func aDifferentExperimentUnderTheSameNameIsRefused() throws {
  let (store, _) = try temporaryStore()
  _ = try StudyRunner(settings: settings(.random, trials: 1), store: store).run(objective: objective, shouldStop: { false })
  #expect(throws: TuneError.self) {
    _ = try StudyRunner(settings: settings(.bayes, trials: 2), store: store).run(objective: objective, shouldStop: { false })
  }
}

@Test func anUnwritableStoreIsAClearError() {
  #expect(throws: TuneError.self) { _ = try StudyStore(path: "/proc/no/such/dir/studies.sqlite") }
}

@Test func trialTimesComeBackToTheMillisecond() throws {
  let (store, path) = try temporaryStore()
  let study = try StudyRunner(settings: settings(.random, trials: 2), store: store).run(objective: objective, shouldStop: { false })
  let back = try #require(try StudyStore(path: path).load("s"))
  for (a, b) in zip(study.trials, back.trials) {
    #expect(abs(a.startedAt.timeIntervalSince(b.startedAt)) < 0.001)
    #expect(abs(a.finishedAt!.timeIntervalSince(b.finishedAt!)) < 0.001)
  }
}
