import Foundation

/// A fixed team of threads that runs one parallel loop at a time: the trainer's workers.
///
///     ThreadTeam.forThreads(4).run(4) { i in shares[i].step() }   // i = 0 runs on the caller
///
/// Replaces libdispatch's `concurrentPerform` so that training works in a child forked from a
/// process that has trained before (`tune(..., workers: k)`): libdispatch poisons its queues
/// in such a child (its atfork handler), and no thread survives fork anyway. The team records
/// the process that made it; in a forked child `forThreads` sees another pid and makes a new
/// team, leaving the copied one (whose threads do not exist there) untouched.
final class ThreadTeam: @unchecked Sendable {
  let helpers: Int
  private let owner = getpid()
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private let done = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var job: ((Int) -> Void)?
  private var generation = 0
  private var count = 0
  private var pending = 0

  nonisolated(unsafe) private static var current: ThreadTeam?

  /// The process's team with at least `threads` - 1 helper threads (the caller is the other).
  static func forThreads(_ threads: Int) -> ThreadTeam {
    if let t = current, t.owner == getpid(), t.helpers >= threads - 1 { return t }
    let t = ThreadTeam(helpers: max(0, threads - 1))
    current = t
    return t
  }

  private init(helpers: Int) {
    self.helpers = helpers
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(wake, nil)
    pthread_cond_init(done, nil)
    for i in 1...max(1, helpers) where helpers > 0 {
      let thread = Thread { [unowned(unsafe) self] in self.serve(i) }
      thread.name = "joule train \(i)"
      thread.start()
    }
  }

  /// Runs `body(i)` for i in 0..<n at once, i = 0 on the calling thread; returns when all end.
  func run(_ n: Int, _ body: (Int) -> Void) {
    precondition(n - 1 <= helpers, "ThreadTeam: \(n) shares for \(helpers + 1) threads")
    if n <= 1 { if n == 1 { body(0) }; return }
    withoutActuallyEscaping(body) { b in
      pthread_mutex_lock(mutex)
      job = b
      count = n
      pending = n - 1
      generation += 1
      pthread_cond_broadcast(wake)
      pthread_mutex_unlock(mutex)
      b(0)
      pthread_mutex_lock(mutex)
      while pending > 0 { pthread_cond_wait(done, mutex) }
      job = nil
      pthread_mutex_unlock(mutex)
    }
  }

  private func serve(_ i: Int) {
    var seen = 0
    pthread_mutex_lock(mutex)
    while true {
      while generation == seen { pthread_cond_wait(wake, mutex) }
      seen = generation
      guard i < count, let j = job else { continue }
      pthread_mutex_unlock(mutex)
      j(i)
      pthread_mutex_lock(mutex)
      pending -= 1
      if pending == 0 { pthread_cond_signal(done) }
    }
  }
}
