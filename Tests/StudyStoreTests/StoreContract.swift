import Foundation
import Testing
import StudyStore
import Tune

/// Behaviour every study store must have, run against SQLite and a real PostgreSQL server.
///
///     try StoreContract(open: { try StudyStore(path: url) }).checkAll()
///
/// `open` makes a new store object (a new connection) each call, as each worker process would.
struct StoreContract {
  let open: () throws -> StudyStore

  func checkAll() throws {
    try roundTrip()
    try workersShareOneStudy(.random, trials: 12, workers: 4)
    try workersShareOneStudy(.grid, trials: 9, workers: 3)
    try bayesWorkersProposeDifferentPoints()
    try aSilentWorkersTrialTurnsStaleAndIsRunAgain()
    try aHeartbeatKeepsALongTrialAlive()
    try aCompleteStudyReturnsAtOnce()
    try aDifferentExperimentIsRefused()
  }

  static func settings(_ strategy: Strategy, trials: Int, name: String) throws -> StudySettings {
    let space = try SearchSpace([("lr", .logUniform(1e-4, 1e-1)), ("beta1", .uniform(0.5, 0.99)),
                                 ("batch", .choice([.int(32), .int(64), .int(128)]))])
    var s = StudySettings(name: name, space: space, strategy: strategy)
    s.seed = 3
    s.trials = trials
    s.grid = 2
    s.initial = 2
    s.candidates = 200
    return s
  }

  static func objective(_ r: StudyRunner.Request) -> TrialOutcome {
    let v = -pow(log10(r.params[0].value.number!) + 2, 2) - r.params[1].value.number!
    return TrialOutcome(state: .complete, value: v, metrics: ["accuracy": v], energyJ: 2.5, machineEnergyJ: 5,
                        energySource: "estimate(linear-tdp) × cpu-share", energyEstimated: true, seconds: 0.01)
  }

  func roundTrip() throws {
    let s = try StoreContract.settings(.bayes, trials: 5, name: "round-trip")
    let study = try StudyRunner(settings: s, store: open()).run(objective: StoreContract.objective, shouldStop: { false })
    let back = try #require(try open().load("round-trip"))
    #expect(back.trials.count == 5)
    for (a, b) in zip(study.trials, back.trials) {
      #expect(a.number == b.number && a.suggestion == b.suggestion && a.params == b.params)
      #expect(a.value == b.value && a.state == b.state && a.metrics == b.metrics)
      #expect(b.energyJ == 2.5 && b.machineEnergyJ == 5 && b.energyEstimated == true)
    }
    #expect(back.settings.space == s.space)
    #expect(try open().list().map(\.name).contains("round-trip"))
  }

  /// Runs `workers` runners on threads, each with its own store connection, on one study.
  func runWorkers(_ s: StudySettings, workers: Int, liveness: Liveness = Liveness(),
                  objective: @escaping (StudyRunner.Request) -> TrialOutcome = StoreContract.objective) throws -> [Int: Int] {
    let lock = NSLock()
    var calls: [Int: Int] = [:]
    var failures: [Error] = []
    let group = DispatchGroup()
    for w in 0..<workers {
      let store = try open()
      group.enter()
      Thread {
        defer { group.leave() }
        let runner = StudyRunner(settings: s, store: store)
        runner.worker = "thread-\(w)@test:\(w)"
        runner.liveness = liveness
        runner.pollInterval = 0.05
        do {
          _ = try runner.run(objective: { r in
            lock.lock(); calls[r.number, default: 0] += 1; lock.unlock()
            usleep(20_000)
            return objective(r)
          }, shouldStop: { false })
        } catch {
          lock.lock(); failures.append(error); lock.unlock()
        }
      }.start()
    }
    group.wait()
    if let e = failures.first { throw e }
    return calls
  }

  func workersShareOneStudy(_ strategy: Strategy, trials: Int, workers: Int) throws {
    let name = "shared-\(strategy.rawValue)"
    let s = try StoreContract.settings(strategy, trials: trials, name: name)
    let calls = try runWorkers(s, workers: workers)
    let study = try #require(try open().load(name))
    #expect(study.finishedCount == trials, "\(strategy)")
    #expect(study.trials.count == trials, "\(strategy): no trial started beyond the target")
    #expect(study.trials.map(\.number) == Array(1...trials))
    #expect(Set(study.trials.map(\.suggestion)).count == trials, "\(strategy): each suggestion once")
    #expect(calls.values.allSatisfy { $0 == 1 } && calls.count == trials)
    // The same sequence a lone worker hands out (grid and random depend on (seed, index) only).
    var alone = s
    alone.name = name + "-alone"
    let single = try StudyRunner(settings: alone, store: open()).run(objective: StoreContract.objective, shouldStop: { false })
    #expect(Set(single.trials.map { "\($0.params)" }) == Set(study.trials.map { "\($0.params)" }), "\(strategy)")
  }

  func bayesWorkersProposeDifferentPoints() throws {
    let s = try StoreContract.settings(.bayes, trials: 8, name: "shared-bayes")
    _ = try runWorkers(s, workers: 3)
    let study = try #require(try open().load("shared-bayes"))
    #expect(study.finishedCount == 8)
    #expect(Set(study.trials.map { "\($0.params)" }).count == 8, "running trials count as lies, so no point repeats")
  }

  func aSilentWorkersTrialTurnsStaleAndIsRunAgain() throws {
    let s = try StoreContract.settings(.random, trials: 3, name: "silent")
    let store = try open()
    _ = try store.open(s)
    // A worker on another machine claimed suggestion 0, then went silent.
    try store.claim("silent") { study in
      (Trial(number: 1, suggestion: 0, params: [.double(0.01), .double(0.6), .int(64)], worker: "gone@elsewhere:4242"), ())
    }
    let fresh = try runWorkers(s, workers: 1, liveness: Liveness(grace: 0.5))
    let study = try #require(try open().load("silent"))
    #expect(study.trials.first?.state == .stale)
    #expect(study.trials.first?.error?.contains("no heartbeat") == true)
    #expect(study.finishedCount == 3 && fresh.count == 3)
    #expect(study.trials.filter { $0.suggestion == 0 }.map(\.state) == [.stale, .complete])
  }

  func aHeartbeatKeepsALongTrialAlive() throws {
    let s = try StoreContract.settings(.random, trials: 2, name: "heartbeat")
    // Each trial lasts 1.5 s, three times the grace period; the other worker must not take it.
    _ = try runWorkers(s, workers: 2, liveness: Liveness(grace: 0.5, interval: 0.1)) { r in
      usleep(1_500_000)
      return StoreContract.objective(r)
    }
    let study = try #require(try open().load("heartbeat"))
    #expect(study.trials.map(\.state) == [.complete, .complete])
  }

  func aCompleteStudyReturnsAtOnce() throws {
    let s = try StoreContract.settings(.random, trials: 2, name: "complete")
    _ = try StudyRunner(settings: s, store: open()).run(objective: StoreContract.objective, shouldStop: { false })
    var called = false
    let t0 = Date()
    let again = try StudyRunner(settings: s, store: open()).run(objective: { r in called = true; return StoreContract.objective(r) },
                                                              shouldStop: { false })
    #expect(!called && again.stopReason == "done" && Date().timeIntervalSince(t0) < 2)
  }

  func aDifferentExperimentIsRefused() throws {
    let s = try StoreContract.settings(.random, trials: 1, name: "refused")
    _ = try StudyRunner(settings: s, store: open()).run(objective: StoreContract.objective, shouldStop: { false })
    let other = try StoreContract.settings(.bayes, trials: 1, name: "refused")
    #expect(throws: TuneError.self) { _ = try StudyRunner(settings: other, store: open()).run(objective: StoreContract.objective, shouldStop: { false }) }
  }
}
