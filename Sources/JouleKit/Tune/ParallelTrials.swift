import Foundation
import Script
import Tune

/// `tune(..., workers: k)` and `experiment(..., workers: k)`: the study's trials run in k
/// worker processes forked from the interpreter at the call, wherever joule runs (the prompt,
/// the Jupyter kernel, a script, a notebook); this process stays the lead.
///
///     s = tune(objective, sp, strategy: "random", trials: 16, workers: 4)
///
/// The code before the call ran once, here; the workers start from its state (a dataset loaded
/// before the call is shared copy-on-write), run only the objective, and send each trial and
/// whatever it printed back. The lead claims, records and shows progress (`StudyRunner.run(team:)`),
/// passes Ctrl-C on, and reaps every worker before it returns.
enum ParallelTrials {
  static func run(_ runner: StudyRunner, workers k: Int, _ ctx: any CallContext,
                  progress: ((StudyProgress) -> Void)?,
                  objective: @escaping (StudyRunner.Request) throws -> TrialOutcome) throws -> Study {
    let team = try SpaceBuiltins.wrap {
      try ForkedWorkers(count: k) { requests, results in
        WorkerProcess.prepare(ctx, results: results, workers: k)
        WorkerLoop.serve(requests: requests, results: results) { trial, curves in
          runner.execute(trial, curves: curves, objective: objective)
        }
      }
    }
    do {
      return try SpaceBuiltins.wrap {
        try runner.run(team: team, shouldStop: { Interrupt.requested }, progress: progress,
                       output: { ctx.output.write($0) })
      }
    } catch let e as WorkerObjectiveError {
      throw ScriptError.runtime(e.message)
    }
  }
}
