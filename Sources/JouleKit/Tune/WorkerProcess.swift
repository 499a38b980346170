import Energy
import Foundation
import Script
import Tune

/// What a forked worker of `tune(..., workers: k)` sets up before its first trial, and what it
/// is told: the child of `ForkedWorkers` starts as a copy of the interpreter at the call with
/// only the calling thread.
///
///     WorkerProcess.prepare(ctx, results: fd, workers: 4)   // in the child, once
///     WorkerProcess.isWorker                                  // true from then on
///
/// Re-created there: Ctrl-C (a plain flag handler: the prompt's handler asks libedit, which the
/// child must not touch), the energy monitor and its poller thread, and the trainer's share of
/// the cores (`train`'s default threads; its thread team and OpenBLAS's threads are re-made on
/// first use, see Learn's `ThreadTeam`). What the objective prints goes back to the lead as
/// messages: the child never writes to the terminal or to the kernel's ZeroMQ sockets.
enum WorkerProcess {
  /// True in a forked worker.
  nonisolated(unsafe) private(set) static var isWorker = false
  /// `train`'s default threads: 2, or in a worker its share of the cores.
  nonisolated(unsafe) private(set) static var trainThreads = 2

  static func prepare(_ ctx: any CallContext, results: Int32, workers: Int) {
    isWorker = true
    Interrupt.installFlagHandler()
    signal(SIGPIPE, SIG_DFL)
    EnergyMonitor.renewAfterFork()
    trainThreads = max(1, ProcessInfo.processInfo.activeProcessorCount / workers)
    (ctx as? Interpreter)?.output = WorkerOutput(fd: results)
  }
}
