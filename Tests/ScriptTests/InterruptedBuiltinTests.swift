import Foundation
import Script
import Testing

/// A builtin that returns early after Ctrl-C (as `train` returns its partial record) must stop
/// the whole input, not let the script carry on with a half result. The interrupt here is the
/// embedder's (`isInterrupted`): the process-wide Ctrl-C flag would reach tests running beside
/// these. `joule run` with a real SIGINT is checked in JouleTests.
struct InterruptedBuiltinTests {
  /// Stands in for `train`: the interrupt comes while it runs, and it returns a record saying
  /// where it stopped.
  static func registry(_ stop: StopFlag) -> BuiltinRegistry {
    let registry = BuiltinRegistry.core()
    registry.register(Builtin("work", [Parameter("n", .int)], doc: "stops early on Ctrl-C") { args, _ in
      stop.set()
      return .record(Record([("done", .int(try args.int("n"))), ("state", .string("interrupted")),
                             ("stopped", .string("after step 2 of 5"))]))
    })
    return registry
  }

  @Test func theLoopStopsAtTheInterruptedCallAndKeepsItsResult() throws {
    let out = BufferOutput()
    let stop = StopFlag()
    let it = Interpreter(registry: Self.registry(stop), output: out)
    it.isInterrupted = { stop.isSet }
    do {
      _ = try it.run("for i in range(3) {\n  r = work(i)\n  print(\"ran {i}\")\n}", file: "t.joule")
      Issue.record("the script carried on after Ctrl-C")
    } catch let e as ScriptError {
      #expect(e.kind == .interrupted)
      #expect(e.message == "interrupted: work stopped after step 2 of 5")
      #expect(e.position?.line == 2)
      #expect(e.rendered == "t.joule:2:7: interrupted: work stopped after step 2 of 5")
      guard case .record(let r)? = e.partial else { Issue.record("no partial result"); return }
      #expect(r["done"]?.isEqual(to: .int(0)) == true)
    }
    #expect(out.text.isEmpty)
    // The session goes on afterwards.
    it.isInterrupted = nil
    #expect(try it.run("1 + 1", file: "t").isEqual(to: .int(2)))
  }

  @Test func aCallbackFromABuiltinStopsTooWhenItsBuiltinIsInterrupted() throws {
    let out = BufferOutput()
    let stop = StopFlag()
    let it = Interpreter(registry: Self.registry(stop), output: out)
    it.isInterrupted = { stop.isSet }
    #expect(throws: ScriptError.self) {
      _ = try it.run("xs = map([1, 2, 3], fn(n) { work(n) })\nprint(\"after\")", file: "t")
    }
    #expect(out.text.isEmpty)
  }
}
