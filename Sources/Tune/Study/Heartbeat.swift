import Foundation

/// A background thread that keeps one running trial alive in the store.
///
///     let beat = Heartbeat(store: store, study: "adam", number: 7, worker: me, every: 5)
///     ... run the objective ...
///     beat.stop()            // returns at once; the thread ends within one beat
///
/// The objective runs on the caller's thread and may hold it for hours; this thread only
/// writes `heartbeat_at`. `lost` turns true if another worker has meanwhile found the trial stale.
public final class Heartbeat: @unchecked Sendable {
  private let wake = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var stopped = false
  private var _lost = false

  public var lost: Bool { lock.lock(); defer { lock.unlock() }; return _lost }

  public init(store: any StudyLedger, study: String, number: Int, worker: String, every interval: TimeInterval) {
    let thread = Thread { [self] in
      while true {
        _ = wake.wait(timeout: .now() + interval)
        lock.lock()
        let done = stopped
        lock.unlock()
        if done { return }
        // A failed beat (server restarting) is retried at the next one; the grace period
        // covers a dozen of them.
        if let alive = try? store.heartbeat(study, number: number, worker: worker), !alive {
          lock.lock(); _lost = true; lock.unlock()
        }
      }
    }
    thread.name = "joule-heartbeat"
    thread.start()
  }

  public func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    wake.signal()
  }
}
