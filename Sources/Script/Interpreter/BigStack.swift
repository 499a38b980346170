import Foundation

/// Runs work on a thread with a large stack, waiting for it: parsing 1,000 nested brackets
/// and 2,500 nested calls of a tree-walker need more than the 8 MiB main stack (or a
/// secondary thread's 512 KiB).
///
///     let v = try BigStack.run { try program.eval(env, interpreter) }
///
/// Entries of the caller's `Thread.current.threadDictionary` whose key starts with `joule.`
/// follow the program onto its thread, as inheritable thread-locals do: a host sets per-run
/// state (a tuning trial's report hook) on its own thread, and the builtins the program calls
/// find it, while other interpreters running at the same time on other threads do not.
enum BigStack {
  /// 512 MiB of address space; pages are only touched as recursion reaches them.
  static let size = 512 << 20

  private final class Job: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  static func run<T>(_ body: () throws -> T) throws -> T {
    var result: Result<T, Error>?
    let inherited = inheritedEntries()
    withoutActuallyEscaping(body) { body in
      let job = Job {
        let dictionary = Thread.current.threadDictionary
        for (key, value) in inherited { dictionary[key] = value }
        result = Result { try body() }
      }
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      defer { pthread_attr_destroy(&attributes) }
      pthread_attr_setstacksize(&attributes, size)
      var thread = pthread_t()
      let context = Unmanaged.passRetained(job).toOpaque()
      let status = pthread_create(&thread, &attributes, { raw in
        let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
        job.body()
        return nil
      }, context)
      if status != 0 {
        Unmanaged<Job>.fromOpaque(context).release()
        // No thread: run here, which only limits how deep programs may go.
        result = Result { try body() }
        return
      }
      pthread_join(thread, nil)
    }
    return try result!.get()
  }

  private static func inheritedEntries() -> [(String, Any)] {
    Thread.current.threadDictionary.compactMap { entry in
      guard let key = entry.key as? String, key.hasPrefix("joule.") else { return nil }
      return (key, entry.value)
    }
  }
}
