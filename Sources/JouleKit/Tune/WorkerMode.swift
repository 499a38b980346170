import Foundation
import Script
import Tune

/// The environment that tells a `joule run` it is one of `tune(..., workers: k)`'s worker
/// processes, and what such a worker does.
///
///     JOULE_WORKER_STUDY=adam JOULE_WORKER_PARENT=4711 JOULE_THREADS=1 joule run sweep.joule
///
/// The lead re-executes joule on the same script or notebook (`JOULE_SCRIPT`, set by `joule
/// run`) with these variables. The worker runs the script up to the `tune` call of that study,
/// works on the study until it is done, and exits: the cells after it, and the notebook report,
/// are the lead's alone. A worker whose lead has gone finishes its trial and stops.
enum WorkerMode {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The study this process works on as a lead's worker, or nil.
  static var study: String? { environment["JOULE_WORKER_STUDY"].flatMap { $0.isEmpty ? nil : $0 } }

  /// The script or notebook `joule run` is running now (absolute path), for re-executing it.
  static var script: String? { environment["JOULE_SCRIPT"] }

  /// Training threads for one trial: `JOULE_THREADS`, set by the lead to its share of the cores.
  static var threads: Int? { environment["JOULE_THREADS"].flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil } }

  private static var parent: pid_t? { environment["JOULE_WORKER_PARENT"].flatMap { Int32($0) } }

  /// True when the lead that started this worker has ended.
  static var orphaned: Bool { parent.map { getppid() != $0 } ?? false }

  /// Works on the study until it is done, then ends the process: 0 when the study is done or
  /// left to other workers, 130 after Ctrl-C, 70 when the objective is misconfigured.
  static func work(_ settings: StudySettings, store: StudyStore, liveness: Liveness, objective: Value,
                   constraints: [Value] = [], _ ctx: any CallContext) -> Never {
    var fatal: ScriptError?
    let runner = StudyRunner(settings: settings, store: store)
    runner.liveness = liveness
    var status: Int32 = 0
    do {
      let study = try runner.run(objective: { request in
        let outcome = TuneCall.evaluate(objective, request, settings: settings, constraints: constraints, ctx)
        if case .failure(let e) = outcome { fatal = e; return TrialOutcome(state: .failed, error: e.message) }
        return try! outcome.get()
      }, shouldStop: { Interrupt.requested || fatal != nil || orphaned })
      if let fatal {
        fputs("tune: \(fatal.message)\n", stderr)
        status = 70
      } else if study.stopReason == "interrupted" {
        status = 130
      }
    } catch {
      fputs("tune: \(error)\n", stderr)
      status = 70
    }
    fflush(stdout)
    exit(status)
  }
}
