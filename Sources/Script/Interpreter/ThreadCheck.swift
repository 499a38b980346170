import Foundation

/// Debug builds' guard of the interpreter's one-thread rule: the thread running a program owns
/// the interpreter until the run ends, and any other thread entering it meanwhile (`run`,
/// `call`, a closure called back) stops the process with a message, instead of racing on the
/// unretained and unchecked state the fast paths share (docs/architecture.md, "Invariants of
/// the fast paths").
///
///     check.enter(); defer { check.leave() }   // around the outermost run, on its thread
///     check.nested()                           // a nested entry: must be the same thread
///
/// Release builds leave it out: the interpreter compiles it only under `#if DEBUG`.
final class ThreadCheck: @unchecked Sendable {
  private let lock = NSLock()
  private var owner: pthread_t?

  /// The outermost entry of a run, on the thread that runs it.
  func enter() {
    lock.lock()
    defer { lock.unlock() }
    if owner != nil {
      fatalError("joule: an Interpreter was entered from a second thread while a run was in progress; use one interpreter per thread")
    }
    owner = pthread_self()
  }

  func leave() {
    lock.lock()
    owner = nil
    lock.unlock()
  }

  /// An entry inside a run in progress: it must come from the thread running it.
  func nested() {
    lock.lock()
    defer { lock.unlock() }
    if let owner, pthread_equal(owner, pthread_self()) == 0 {
      fatalError("joule: an Interpreter was entered from a second thread while a run was in progress; use one interpreter per thread")
    }
  }
}
