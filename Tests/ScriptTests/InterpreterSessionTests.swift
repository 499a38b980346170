import Foundation
import Script
import Testing

/// The `Interpreter` API the REPL and notebooks use.
struct InterpreterSessionTests {
  let out = BufferOutput()
  var interp: Interpreter { Interpreter(registry: .core(), output: out) }

  @Test func runReturnsTheLastExpressionsValue() throws {
    let i = interp
    #expect(try i.run("x = 41\nx + 1", file: "t").isEqual(to: .int(42)))
    #expect(try i.run("y = 1", file: "t").isNil)
    #expect(try i.run("", file: "t").isNil)
  }

  @Test func globalsPersistAcrossRunsUntilReset() throws {
    let i = interp
    _ = try i.run("fn double(x) { x * 2 }\nn = 5", file: "cell1")
    #expect(try i.run("double(n)", file: "cell2").isEqual(to: .int(10)))
    #expect(i.globalNames == ["double", "n"])
    #expect(i.global("n")?.isEqual(to: .int(5)) == true)
    i.reset()
    #expect(i.globalNames.isEmpty)
    #expect(throws: ScriptError.self) { try i.run("n", file: "cell3") }
  }

  @Test func hostCallsLanguageFunctionsThroughCall() throws {
    let i = interp
    let f = try i.run("fn(a, scale: 1) { a * scale }", file: "t")
    let v = try i.call(f, Arguments([.int(4)], keywords: [("scale", .int(3))]))
    #expect(v.isEqual(to: .int(12)))
  }

  @Test func errorInOneRunLeavesTheSessionUsable() throws {
    let i = interp
    _ = try i.run("a = 1", file: "t")
    #expect(throws: ScriptError.self) { try i.run("fn f() { return 1 / 0 }\nf()", file: "t") }
    #expect(try i.run("a + 1", file: "t").isEqual(to: .int(2)))
  }

  @Test func interruptStopsALoopAndKeepsVariables() throws {
    let i = interp
    let stop = StopFlag()
    i.isInterrupted = { stop.isSet }
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { stop.set() }
    do {
      _ = try i.run("n = 0\nwhile true { n += 1 }", file: "t")
      Issue.record("loop ended by itself")
    } catch let e as ScriptError {
      #expect(e.kind == .interrupted)
      #expect(e.position?.line == 2)
    }
    #expect(try i.run("n > 0", file: "t").isEqual(to: .bool(true)))
  }

  @Test func sleepIsInterruptible() throws {
    let i = interp
    i.isInterrupted = { true }
    let start = Date()
    #expect(throws: ScriptError.self) { try i.run("sleep(30)", file: "t") }
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func stepLimitStopsRunawayPrograms() throws {
    let i = interp
    i.stepLimit = 10_000
    do {
      _ = try i.run("while true { }", file: "t")
      Issue.record("no error")
    } catch let e as ScriptError {
      #expect(e.message.contains("step limit"))
    }
  }

  @Test func relativePathsResolveAgainstTheScriptDirectory() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-script-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let i = Interpreter(registry: .core(), output: out, scriptDirectory: dir.path)
    _ = try i.run("write_json([1, 2], \"x.json\")", file: "t")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.json").path))
    #expect(try i.run("read_json(\"x.json\")", file: "t").isEqual(to: .list([.int(1), .int(2)])))
  }

  @Test func hostObjectsShowFieldsAndSuggestMissingOnes() throws {
    let i = interp
    i.setGlobal("m", .host(FakeModel()))
    #expect(try i.run("m.layers", file: "t").isEqual(to: .int(3)))
    #expect(try i.run("keys(m)", file: "t").shortDescription == "[\"layers\", \"name\"]")
    #expect(try i.run("type(m)", file: "t").isEqual(to: .string("model")))
    _ = try i.run("print(m)", file: "t")
    #expect(out.text == "<model layers: 3, name: \"cnn\">\n")
    #expect(throws: ScriptError.self) { try i.run("m.layres", file: "t") }
    do { _ = try i.run("m.layres", file: "t") } catch let e as ScriptError {
      #expect(e.message == "model has no field 'layres'; did you mean 'layers'?")
    }
  }

  @Test func printWritesToTheOutputSink() throws {
    _ = try interp.run("print(\"a\", 1, sep: \", \", end: \"!\")", file: "t")
    #expect(out.text == "a, 1!")
  }

  @Test func displayStringQuotesStringsAndTablesRecords() {
    #expect(Value.string("hi").displayString == "\"hi\"")
    #expect(Value.string("hi").printString == "hi")
    #expect(Value.float(0.1 + 0.2).displayString == "0.30000000000000004")
    let table = Value.table([Record([("a", .int(1))]), Record([("a", .int(22))])])
    #expect(table.displayString == " a\n 1\n22")
  }

  @Test func helpListsFamilies() throws {
    _ = try interp.run("help()", file: "t")
    #expect(out.text.contains("core: print, "))
  }
}

final class FakeModel: HostObject {
  var typeName: String { "model" }
  var fieldNames: [String] { ["layers", "name"] }
  func field(_ name: String) -> Value? {
    switch name {
    case "layers": return .int(3)
    case "name": return .string("cnn")
    default: return nil
    }
  }
}

final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
  func set() { lock.lock(); value = true; lock.unlock() }
}
