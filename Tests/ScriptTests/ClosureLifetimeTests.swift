import Foundation
import Script
import Testing

/// A global `fn` that a run overwrites is freed as soon as nothing refers to it, not kept
/// until the run ends; one overwritten while it runs keeps working until it returns.
///
///     for i in range(3) { fn f() { i }; f() }   # the first two f's are freed during the loop
struct ClosureLifetimeTests {
  /// Weak references to the closures a program hands to `watch(f)`; `freed()` counts the
  /// ones gone.
  final class Watcher: @unchecked Sendable {
    struct Weak { weak var closure: Closure? }
    var watched: [Weak] = []

    func install(in registry: BuiltinRegistry) {
      registry.register(Builtin("watch", [Parameter("f")], doc: "test: watch f") { args, _ in
        guard case .closure(let c) = args["f"] else { throw ScriptError.runtime("watch: not a closure") }
        self.watched.append(Weak(closure: c))
        return .none
      })
      registry.register(Builtin("freed", [], doc: "test: closures watched and gone") { _, _ in
        .int(self.watched.filter { $0.closure == nil }.count)
      })
      registry.register(Builtin("overwrite", [Parameter("name", .string)], doc: "test: host assigns 0") { args, ctx in
        (ctx as! Interpreter).setGlobal(try args.string("name"), .int(0))
        return .none
      })
    }
  }

  @Test func aGlobalFunctionRedefinedInALoopIsFreedDuringTheRun() throws {
    let watcher = Watcher()
    let registry = BuiltinRegistry.core()
    watcher.install(in: registry)
    let i = Interpreter(registry: registry, output: BufferOutput())
    let v = try i.run("""
      total = 0
      for k in range(100) {
        fn f() { k }
        total += f()
        watch(f)
      }
      [total, freed()]
      """, file: "t")
    // 99 of the 100 closures are unreachable once the loop ends (the last is still `f`).
    #expect(v.isEqual(to: .list([.int(4950), .int(99)])))
  }

  @Test func aFunctionOverwrittenWhileItRunsFinishesThenIsFreed() throws {
    let watcher = Watcher()
    let registry = BuiltinRegistry.core()
    watcher.install(in: registry)
    let i = Interpreter(registry: registry, output: BufferOutput())
    let v = try i.run("""
      fn f(n) {
        if n == 0 { overwrite("f") } else { f(n - 1) }
        n * 10
      }
      watch(f)
      r = f(3)
      [r, f, freed()]
      """, file: "t")
    // The calls in progress finished with their own code; afterwards the old f is gone.
    #expect(v.isEqual(to: .list([.int(30), .int(0), .int(1)])))
  }
}
