import Script
import Testing

/// Where errors point and how they read. A `^` in the expected text marks the column.
struct ErrorRenderingTests {
  func error(_ source: String, file: String = "t.joule") -> ScriptError? {
    do {
      _ = try Interpreter(registry: .core(), output: BufferOutput()).run(source, file: file)
      return nil
    } catch let e as ScriptError {
      return e
    } catch {
      return nil
    }
  }

  @Test func syntaxErrorNamesFileLineAndColumnWithCaret() throws {
    let e = try #require(error("x = 1\ny = (2 +\n", file: "a.joule"))
    #expect(e.kind == .syntax)
    #expect(e.rendered.hasPrefix("a.joule:3:1: error: expected an expression, found end of input"))
  }

  @Test func caretSitsUnderTheFaultyToken() throws {
    let e = try #require(error("total = 1 +* 2"))
    let lines = e.rendered.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "t.joule:1:12: error: expected an expression, found '*'")
    #expect(lines[1] == "  total = 1 +* 2")
    #expect(lines[2] == "             ^")
  }

  @Test func caretKeepsTabsOfIndentedLines() throws {
    let e = try #require(error("fn f() {\n\treturn nope\n}\nf()"))
    let lines = e.rendered.split(separator: "\n")
    #expect(lines[1] == "  \treturn nope")
    #expect(lines[2] == "  \t       ^")
  }

  @Test func runtimeErrorListsUserFunctionsInnermostFirst() throws {
    let e = try #require(error("fn inner(x) { x / 0 }\nfn outer(y) {\n  inner(y)\n}\nouter(1)\n"))
    #expect(e.kind == .runtime)
    #expect(e.message == "division by zero")
    #expect(e.position == SourcePosition(file: "t.joule", line: 1, column: 17))
    #expect(e.trace.map(\.function) == ["inner", "outer"])
    #expect(e.trace.map(\.position.line) == [3, 5])
    #expect(e.rendered.contains("  in inner called at t.joule:3:3\n  in outer called at t.joule:5:1"))
  }

  @Test func deepRecursionFoldsRepeatedTraceLines() throws {
    let e = try #require(error("fn f(n) { f(n + 1) }\nf(0)"))
    #expect(e.message.contains("recursion too deep"))
    #expect(e.rendered.split(separator: "\n").count < 10)
    #expect(e.rendered.contains("times)"))
  }

  @Test func unknownNameSuggestsTheClosestKnownOne() throws {
    let e = try #require(error("epochs = 3\nprint(epoch)"))
    #expect(e.message == "undefined variable 'epoch'; did you mean 'epochs'?")
    let far = try #require(error("zzzzzz"))
    #expect(far.message == "undefined variable 'zzzzzz'")
  }

  @Test func foreignSwiftErrorsBecomeRuntimeErrorsAtTheCallSite() throws {
    struct DiskFull: Error, CustomStringConvertible { var description: String { "disk is full" } }
    let registry = BuiltinRegistry.core()
    registry.register(Builtin("save", doc: "fails") { _, _ in throw DiskFull() })
    do {
      _ = try Interpreter(registry: registry, output: BufferOutput()).run("x = 1\n  save()", file: "s")
      Issue.record("no error")
    } catch let e as ScriptError {
      #expect(e.kind == .runtime)
      #expect(e.message == "disk is full")
      #expect(e.position == SourcePosition(file: "s", line: 2, column: 3))
    }
  }

  @Test func suggestionCountsASwapAsOneEdit() {
    #expect(Suggestion.distance("pritn", "print") == 1)
    #expect(Suggestion.closest(to: "lenght", among: ["len", "length"]) == "length")
    #expect(Suggestion.closest(to: "x", among: ["print"]) == nil)
  }
}

/// A generated line can be 100,000 characters long: its error shows a window around the caret.
struct LongLineExcerptTests {
  @Test func anErrorInAHundredThousandCharacterLineShowsAboutOneHundredSixtyColumns() throws {
    let line = "x = " + Array(repeating: "1", count: 33_000).joined(separator: " + ") + " + nope + 1 + 1"
    #expect(line.count > 100_000)
    let e = try #require(ErrorRenderingTests().error(line))
    let lines = e.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(e.message.contains("undefined variable 'nope'"))
    #expect(lines[1].count <= 2 + 3 + ScriptError.excerptWidth + 3)
    #expect(lines[1].hasPrefix("  ...1 + 1"))
    // The caret still sits under the name it blames.
    let caret = try #require(lines[2].firstIndex(of: "^"))
    let offset = lines[2].distance(from: lines[2].startIndex, to: caret)
    #expect(Array(lines[1])[offset...].starts(with: "nope"))
  }

  @Test func aShortLineIsShownWhole() {
    let (text, caret) = ScriptError.excerpt("y = 1 +* 2", column: 8)
    #expect(text == "y = 1 +* 2")
    #expect(caret == 7)
  }

  @Test func anErrorNearTheStartOfALongLineIsCutOnlyAtTheEnd() {
    let long = "oops" + String(repeating: " + 1", count: 1000)
    let (text, caret) = ScriptError.excerpt(long, column: 1)
    #expect(text.hasPrefix("oops") && text.hasSuffix("..."))
    #expect(text.count == ScriptError.excerptWidth + 3)
    #expect(caret == 0)
  }
}
