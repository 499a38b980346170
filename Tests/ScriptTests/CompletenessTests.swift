import Script
import Testing

/// `Parser.isComplete` decides the REPL's continuation prompt.
struct CompletenessTests {
  @Test(arguments: ["x = 1", "fn f(x) { x }", "print(\"a {1}\")", "", "# just a comment", "xs[0]", "}"])
  func completeInputNeedsNoMoreLines(_ source: String) {
    #expect(Parser.isComplete(source))
  }

  @Test(arguments: ["fn f(x) {", "print(1,", "xs = [1,\n2", "s = \"open", "x = 1 +", "r = {a: 1,",
                    "xs |>", "s = \"a {", "if x {\n  y = 1\n"])
  func openBracketBlockOrStringNeedsMore(_ source: String) {
    #expect(!Parser.isComplete(source))
  }

  @Test func checkReportsSyntaxErrorsWithoutRunning() {
    #expect(throws: ScriptError.self) { try Parser.check("x = (", file: "c") }
    #expect(throws: Never.self) { try Parser.check("launch_missiles()", file: "c") }
  }
}
