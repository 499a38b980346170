import Foundation
import Script
import Testing

/// Joule calls between compiled bodies run in one dispatch loop (in-loop calls, issue 27):
/// what a call through Swift gives stays, when an error or an interrupt unwinds them.
///
///     fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }   # one Swift entry, then in-loop
struct InLoopCallTests {
  static let sum = "fn sum(n) { if n == 0 { 0 } else { n + sum(n - 1) } }\n"
  static let fib = "fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }\n"

  func error(_ i: Interpreter, _ source: String) -> ScriptError? {
    do {
      _ = try i.run(source, file: "t.joule")
      return nil
    } catch {
      return error as? ScriptError
    }
  }

  @Test func aTracebackThroughInLoopCallsNamesEveryCallWithItsCaret() throws {
    let i = Interpreter(registry: .core(), output: BufferOutput())
    let e = try #require(error(i, """
      fn leaf(x) { x // 0 }
      fn mid(x) {
        leaf(x) + 1
      }
      fn top(x) { 2 * mid(x) }
      top(3)
      """))
    let lines = e.rendered.split(separator: "\n").map(String.init)
    #expect(lines == [
      "t.joule:1:16: error: division by zero",
      "  fn leaf(x) { x // 0 }",
      "                 ^",
      "  in leaf called at t.joule:3:3",
      "  in mid called at t.joule:5:17",
      "  in top called at t.joule:6:1",
    ])
  }

  @Test func deepRecursionStopsAtTheLimitAndLeavesTheStackAsItWas() throws {
    let i = Interpreter(registry: .core(), output: BufferOutput())
    _ = try i.run(InLoopCallTests.sum + "fn down(n) { 1 + down(n + 1) }", file: "t.joule")
    // Each failed run must give back its slots and records: 100 runs would fill the value
    // stack (256 Ki slots) if one leaked 2,500 frames' worth.
    for _ in 0..<100 {
      let e = try #require(error(i, "down(0)"))
      #expect(e.message == "recursion too deep (more than 2500 nested calls)")
      #expect(e.position?.line == 2)  // the call in `down`, line 2 of the first run
      #expect(e.rendered.contains("times)"))
    }
    #expect(try i.run("sum(2400)", file: "t.joule").isEqual(to: .int(2_881_200)))
    // No Swift recursion per call: a deeper limit holds deeper recursion.
    i.maxCallDepth = 20_000
    #expect(try i.run("sum(19000)", file: "t.joule").isEqual(to: .int(180_509_500)))
  }

  @Test func theStepLimitStopsDeepRecursionAtACall() throws {
    let i = Interpreter(registry: .core(), output: BufferOutput())
    i.stepLimit = 1_000
    let e = try #require(error(i, InLoopCallTests.sum + "sum(2000)"))
    #expect(e.message == "step limit reached (1000 steps)")
    #expect(e.position?.line == 1)
    i.stepLimit = nil
    #expect(try i.run("sum(2000)", file: "t.joule").isEqual(to: .int(2_001_000)))
  }

  @Test func anInterruptStopsRecursionAndTheSessionGoesOn() throws {
    let i = Interpreter(registry: .core(), output: BufferOutput())
    final class Polls { var count = 0 }
    let polls = Polls()
    // Polled every 1,024 calls: fib(22)'s 57,313 calls poll it about 56 times.
    i.isInterrupted = {
      polls.count += 1
      return polls.count == 5
    }
    let e = try #require(error(i, InLoopCallTests.fib + "fib(22)"))
    #expect(e.kind == .interrupted)
    #expect(e.position?.line == 1)
    #expect(try i.run("fib(15)", file: "t.joule").isEqual(to: .int(610)))
  }
}
