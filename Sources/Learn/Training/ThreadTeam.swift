import Foundation

/// A fixed team of threads that runs one parallel loop at a time: the trainer's workers.
///
///     ThreadTeam.run(4) { i in shares[i].step() }   // i = 0 runs on the caller
///
/// Replaces libdispatch's `concurrentPerform` so that training works in a child forked from a
/// process that has trained before (`tune(..., workers: k)`): libdispatch poisons its queues
/// in such a child (its atfork handler), and no thread survives fork anyway. The team records
/// the process that made it; in a forked child `run` sees another pid and makes new teams,
/// leaving the copied ones (whose threads do not exist there) untouched.
final class ThreadTeam: @unchecked Sendable {
  let helpers: Int
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private let done = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var job: ((Int) -> Void)?
  private var generation = 0
  private var count = 0
  private var pending = 0

  // Idle teams of this process. Two trainings may run at once (tests, a library user), so
  // each call checks a team out for its own use. In a forked child the pool (and its lock,
  // which another thread may have held at the fork) belongs to the parent: it is replaced.
  nonisolated(unsafe) private static var pool: [ThreadTeam] = []
  nonisolated(unsafe) private static var poolLock = NSLock()
  nonisolated(unsafe) private static var poolOwner = getpid()

  /// Runs `body(i)` for i in 0..<n at once, i = 0 on the calling thread, on a team no other
  /// caller uses meanwhile; returns when all end.
  static func run(_ n: Int, _ body: (Int) -> Void) {
    if n <= 1 { if n == 1 { body(0) }; return }
    let team = checkOut(helpers: n - 1)
    team.run(n, body)
    poolLock.lock()
    pool.append(team)
    poolLock.unlock()
  }

  private static func checkOut(helpers: Int) -> ThreadTeam {
    if poolOwner != getpid() {
      // The forked child's first training: it is the only thread that trains here.
      poolLock = NSLock()
      pool = []
      poolOwner = getpid()
    }
    poolLock.lock()
    defer { poolLock.unlock() }
    if let i = pool.firstIndex(where: { $0.helpers >= helpers }) { return pool.remove(at: i) }
    return ThreadTeam(helpers: helpers)
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

  private func run(_ n: Int, _ body: (Int) -> Void) {
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
