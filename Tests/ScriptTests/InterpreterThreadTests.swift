import Foundation
import Script
import Testing

/// One thread per interpreter: a debug build stops a second thread that enters a run in
/// progress, rather than letting it race on the interpreter's unchecked state.
///
///     Thread A: interp.run("pause()")   // still running
///     Thread B: interp.run("1")         // debug build: fatal error naming the rule
struct InterpreterThreadTests {
  #if DEBUG
  @Test func aSecondThreadEnteringARunInProgressStopsADebugBuild() async {
    await #expect(processExitsWith: .failure) {
      let started = DispatchSemaphore(value: 0)
      let never = DispatchSemaphore(value: 0)
      let registry = BuiltinRegistry.core()
      registry.register(Builtin("pause", [], doc: "test: blocks") { _, _ in
        started.signal()
        never.wait()
        return .none
      })
      let interp = Interpreter(registry: registry, output: BufferOutput())
      Thread.detachNewThread { _ = try? interp.run("pause()", file: "a") }
      started.wait()
      _ = try? interp.run("1", file: "b")
    }
  }
  #endif

  @Test func oneInterpreterPerThreadRunsSideBySide() throws {
    // The rule's other half: separate interpreters on separate threads are fine.
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 4) { k in
      let interp = Interpreter(registry: .core(), output: BufferOutput())
      let v = try? interp.run("fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }\nfib(15) + \(k)", file: "t")
      results.set(k, v)
    }
    for k in 0..<4 { #expect(results.get(k)?.isEqual(to: .int(610 + k)) == true) }
  }

  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Value] = [:]
    func set(_ k: Int, _ v: Value?) { lock.lock(); values[k] = v; lock.unlock() }
    func get(_ k: Int) -> Value? { lock.lock(); defer { lock.unlock() }; return values[k] }
  }
}
