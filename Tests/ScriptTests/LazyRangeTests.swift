import Foundation
import Script
import Testing

/// `map`, `filter` and `reduce` given `range(...)` directly count through the integers
/// without building the list, with the same results and the same errors as over the list.
///
///     map(range(3), fn(x) { x * 2 })   # [0, 2, 4], no [0, 1, 2] made first
struct LazyRangeTests {
  func run(_ source: String) throws -> Value {
    try Interpreter(registry: .core(), output: BufferOutput()).run(source, file: "t")
  }

  @Test func mapFilterAndReduceOverARangeGiveWhatTheyGiveOverItsList() throws {
    for (lazy, built) in [
      ("map(range(5), fn(x) { x * x })", "xs = range(5)\nmap(xs, fn(x) { x * x })"),
      ("filter(range(2, 20, 3), fn(x) { x % 2 == 0 })", "xs = range(2, 20, 3)\nfilter(xs, fn(x) { x % 2 == 0 })"),
      ("reduce(range(10, 0, -2), fn(a, x) { a * 10 + x }, 0)", "xs = range(10, 0, -2)\nreduce(xs, fn(a, x) { a * 10 + x }, 0)"),
      ("map(range(0), fn(x) { x })", "xs = range(0)\nmap(xs, fn(x) { x })"),
      ("range(4) |> map(fn(x) { x + 1 })", "xs = range(4)\nxs |> map(fn(x) { x + 1 })"),
    ] {
      let a = try run(lazy), b = try run(built)
      #expect(a.isEqual(to: b), "\(lazy)")
    }
    #expect(try run("map(range(3), fn(x) { x * 2 })").isEqual(to: .list([.int(0), .int(2), .int(4)])))
  }

  @Test func aRangeOfTheWrongKindFailsAsTheRangeBuiltinDoes() throws {
    // Each call beside the same call with its range built first (`[range(...)][0]` is an
    // index, not a call written as the argument): the same message on the same line.
    for (lazy, eager) in [
      ("map(range(1.5), fn(x) { x })", "map([range(1.5)][0], fn(x) { x })"),
      ("filter(range(1, 5, 0), fn(x) { x })", "filter([range(1, 5, 0)][0], fn(x) { x })"),
      ("map(range(3), 5)", "map([range(3)][0], 5)"),
      ("reduce(range(\"a\"), fn(a, x) { x }, 0)", "reduce([range(\"a\")][0], fn(a, x) { x }, 0)"),
      ("\n\nmap(range(3), fn(x) { 1 / (x - 1) })", "\n\nmap([range(3)][0], fn(x) { 1 / (x - 1) })"),
    ] {
      let a = failure(lazy), b = failure(eager)
      #expect(a != nil, "\(lazy) did not fail")
      #expect(a?.message == b?.message, "\(lazy)")
      #expect(a?.position?.line == b?.position?.line, "\(lazy)")
      #expect(a?.trace.map(\.function) == b?.trace.map(\.function), "\(lazy)")
    }
  }

  func failure(_ source: String) -> ScriptError? {
    do { _ = try run(source) } catch let e as ScriptError { return e } catch {}
    return nil
  }

  @Test func aUserFunctionNamedRangeIsCalledNotCounted() throws {
    #expect(try run("fn range(n) { [7, 8] }\nmap(range(100), fn(x) { x + 1 })").isEqual(to: .list([.int(8), .int(9)])))
  }
}
