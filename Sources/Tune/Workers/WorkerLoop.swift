import Foundation

/// The worker side of the lead/worker protocol: read a trial, run it, send it back, until the
/// lead closes the pipe.
///
///     WorkerLoop.serve(requests: fd0, results: fd1) { trial, curves in
///       runner.execute(trial, curves: curves) { request in try objective(request) }
///     }
///
/// Ends the process with `_exit`: the child shares the lead's copy of every buffer and
/// destructor, and must run none of them.
public enum WorkerLoop {
  public static func serve(requests: Int32, results: Int32,
                           run: (Trial, [IntermediateCurve]) -> WorkerMessage) -> Never {
    var buffer = MessageBuffer(fd: requests)
    while true {
      while let m = buffer.next() {
        guard case .run(let trial, let curves) = m else { continue }
        if !MessagePipe.send(run(trial, curves), to: results) { _exit(0) }
      }
      if !buffer.fill() { _exit(0) }
    }
  }
}
