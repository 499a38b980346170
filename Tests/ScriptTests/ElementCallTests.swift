import Script
import Testing

/// `map`, `filter` and `sort(by:)` call a joule function once per element on a frame reserved
/// once (`ElementCalls`): errors, tracebacks, the recursion limit and Ctrl-C inside such a call
/// read as they do for any other call.
struct ElementCallTests {
  func error(_ source: String, _ interp: Interpreter? = nil) -> ScriptError? {
    do {
      _ = try (interp ?? Interpreter(registry: .core(), output: BufferOutput())).run(source, file: "t.joule")
      return nil
    } catch let e as ScriptError {
      return e
    } catch {
      return nil
    }
  }

  @Test func anErrorInsideASortKeyFunctionKeepsItsCaretAndTraceback() throws {
    let e = try #require(error("fn key(r) {\n  r.size / 0\n}\nfn run(xs) {\n  sort(xs, by: key)\n}\nrun([{size: 1}, {size: 2}])\n"))
    #expect(e.rendered == """
      t.joule:2:10: error: division by zero
          r.size / 0
                 ^
        in key called at t.joule:5:3
        in run called at t.joule:7:1
      """)
  }

  @Test func anErrorInsideAFilterFunctionNamesTheAnonymousFunction() throws {
    let e = try #require(error("fn run(xs) {\n  filter(xs, fn(x) {\n    x.missing\n  })\n}\nrun([1, 2])\n"))
    #expect(e.message == "int has no field 'missing'")
    #expect(e.position?.line == 3)
    #expect(e.trace.map(\.function) == ["<fn>", "run"])
    #expect(e.trace.map(\.position.line) == [2, 6])
  }

  @Test func recursionThroughMapStopsAtTheLimitAndTheSessionGoesOn() throws {
    let it = Interpreter(registry: .core(), output: BufferOutput())
    let e = try #require(error("fn deep(n) { map([n], fn(x) { deep(x + 1) }) }\ndeep(0)", it))
    #expect(e.message == "recursion too deep (more than 2500 nested calls)")
    // The depth count and the value stack were given back: a call as deep as allowed runs.
    let v = try it.run("fn down(n) { if n == 0 { 0 } else { down(n - 1) } }\ndown(2400)", file: "t")
    #expect(v.isEqual(to: .int(0)))
  }

  @Test func ctrlCInsideMapStopsAtTheMapCall() throws {
    let it = Interpreter(registry: .core(), output: BufferOutput())
    // Polled every 1,024 calls: the map below makes 100,000.
    it.isInterrupted = { true }
    let e = try #require(error("xs = [1, 2]\nys = map(range(100000), fn(x) { x * 2 })\nprint(\"after\")", it))
    #expect(e.kind == .interrupted)
    #expect(e.position?.line == 2)
    it.isInterrupted = nil
    let v = try it.run("len(map(range(3000), fn(x) { x }))", file: "t")
    #expect(v.isEqual(to: .int(3000)))
  }
}
