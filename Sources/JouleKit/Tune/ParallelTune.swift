import Foundation
import Script
import Tune

/// `tune(..., workers: k)` with k > 1: the lead process starts k worker processes of the same
/// script or notebook and shows the study's progress until they are done.
///
///     s = tune(objective, sp, strategy: "random", trials: 40, workers: 4, study: "sweep")
///
/// Each worker re-executes joule (`WorkerMode`), claims trials from the study's store and runs
/// them with its share of the cores (`JOULE_THREADS` = cores / k for `train`). The lead runs no
/// trial itself; it creates the study first (so a mismatch is reported once), passes Ctrl-C on as
/// one SIGINT per worker, and returns the stored study, so a notebook reports it once.
enum ParallelTune {
  static func run(_ settings: StudySettings, store: StudyStore, workers k: Int, liveness: Liveness,
                  _ ctx: any CallContext) throws -> Study {
    guard let script = WorkerMode.script else {
      throw ScriptError.runtime("tune: workers: \(k) re-runs the script in \(k) processes, so it needs a file run with `joule run`; "
        + "at the prompt use workers: 1, or start `joule run` on the script in several terminals")
    }
    _ = try SpaceBuiltins.wrap { try store.open(settings, grace: liveness.grace) }
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let children = try SpaceBuiltins.wrap {
      try LocalWorkers(executable: executable, arguments: ["run", script], environment: [
        "JOULE_WORKER_STUDY": settings.name,
        "JOULE_WORKER_PARENT": String(getpid()),
        "JOULE_THREADS": String(max(1, cores / k)),
      ], count: k)
    }
    let line = ProgressLine(label: "tune")
    var interrupted = false
    var last: Study?
    while children.running > 0 {
      if Interrupt.requested && !interrupted {
        interrupted = true
        children.interrupt()
      }
      children.reap()
      if let s = try? store.load(settings.name) {
        last = s
        let running = s.trials.filter { $0.state == .running }.count
        let best = s.best?.value.map { " · best \(StudyProgress.short($0))" } ?? ""
        line.update("\(s.finishedCount)/\(settings.trials) finished · \(running) running on \(children.running) workers\(best) · \(Int(s.spentJ.rounded())) J")
      }
      usleep(200_000)
    }
    line.clear()
    var study = try SpaceBuiltins.wrap { try store.load(settings.name) } ?? last ?? Study(settings: settings)
    study.settings = settings
    let failed = children.exits.filter { $0.status != 0 && $0.status != 130 }
    if study.finishedCount < settings.trials, !interrupted, let f = failed.first {
      throw ScriptError.runtime("tune: worker \(f.index) of \(k) exited with status \(f.status)"
        + (f.log.isEmpty ? "" : ":\n" + f.log))
    }
    if interrupted {
      study.stopReason = "interrupted"
    } else {
      study.stopReason = try SpaceBuiltins.wrap { try StudyRunner(settings: settings, store: store).stopReason(study) } ?? "done"
    }
    return study
  }
}
