import Foundation
import Testing
import TestSupport

/// The REPL's `:` commands and context-aware completion, through a pseudo-terminal.
@Suite struct ReplMetaCommandTests {
  private func startRepl(home: TemporaryFolder) throws -> PseudoTerminal {
    let tty = try PseudoTerminal(
      executable: JouleBinary.url.path,
      environment: ["HOME": home.url.path, "XDG_STATE_HOME": home.path("state"), "TERM": "xterm"])
    try tty.expectPrompt()
    return tty
  }

  @Test func saveWritesTheAcceptedInputsAsNotebookCells() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    tty.type("x = 2\r")
    try tty.expectPrompt()
    tty.type("x + nope\r")   // fails, so it is not saved
    try tty.expectPrompt()
    tty.type("fn sq(v) {\r")
    try tty.expectPrompt("...> ")
    tty.type("v * v }\r")
    try tty.expectPrompt()
    let notebook = home.path("session.jnb")
    tty.type(":save \(notebook)\r")
    try tty.expect("saved 2 cells")
    tty.type(":quit\r")
    #expect(tty.waitForExit() == 0)
    let text = try String(contentsOfFile: notebook, encoding: .utf8)
    #expect(text == "# %%\nx = 2\n\n# %%\nfn sq(v) {\nv * v }\n")
  }

  @Test func varsListsTheSessionAndResetForgetsIt() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    tty.type("alpha = 0.5\r")
    try tty.expectPrompt()
    tty.type(":vars\r")
    let listing = try tty.expectPrompt()
    #expect(listing.contains("alpha") && listing.contains("0.5"))
    tty.type(":reset\r")
    try tty.expectPrompt()
    tty.type(":vars\r")
    #expect(try tty.expectPrompt().contains("no variables"))
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
  }

  @Test func timeShowsTheValueAndTheDuration() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    tty.type(":time 20 + 22\r")
    try tty.expect("\r\n42\r\n")
    try tty.expect("time: ")
    tty.type(":help len\r")
    try tty.expect("len(")
    tty.type(":bogus\r")
    try tty.expect("unknown command")
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
  }

  @Test func tabCompletesKeywordParametersFieldsAndPaths() throws {
    let home = try TemporaryFolder()
    try home.write("weights-file.csv", "a\n1\n")
    let tty = try startRepl(home: home)
    // A keyword parameter of the builtin being called.
    tty.type("sort([3, 1, 2], rev\t")
    try tty.expect("erse:")
    tty.type(" true)\r")
    try tty.expect("[3, 2, 1]")
    try tty.expectPrompt()
    // A record's field after the dot.
    tty.type("r = {learning_rate: 0.25}\r")
    try tty.expectPrompt()
    tty.type("r.lea\t")
    try tty.expect("rning_rate")
    tty.type("\r")
    try tty.expect("0.25")
    try tty.expectPrompt()
    // A file path inside a string, relative to the working directory.
    tty.type("\"\(home.url.path)/weights-f\t")
    try tty.expect("ile.csv")
    tty.type("\"\r")
    try tty.expect("weights-file.csv")
    try tty.expectPrompt()
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
  }

  @Test func cdMovesWherePromptPathsStartAndPwdShowsIt() throws {
    let home = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: home.path("results"), withIntermediateDirectories: true)
    let tty = try startRepl(home: home)
    tty.type(":cd \(home.path("results"))\r")
    try tty.expectPrompt()
    tty.type(":pwd\r")
    try tty.expect(home.path("results"))
    try tty.expectPrompt()
    tty.type("write_csv([{a: 1}], \"x.csv\")\r")
    try tty.expect(home.path("results/x.csv"))
    try tty.expectPrompt()
    tty.type(":cd nowhere\r")
    try tty.expect("nowhere: no such folder (looked in \(home.path("results")))")
    try tty.expectPrompt()
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
    #expect(FileManager.default.fileExists(atPath: home.path("results/x.csv")))
  }
}

/// At the prompt each figure is drawn as it is made, and a `:save`d session reruns.
@Suite struct ReplAnalystPathTests {
  private func startRepl(home: TemporaryFolder) throws -> PseudoTerminal {
    let tty = try PseudoTerminal(
      executable: JouleBinary.url.path,
      environment: ["HOME": home.url.path, "XDG_STATE_HOME": home.path("state"), "TERM": "xterm"])
    try tty.expectPrompt()
    return tty
  }

  @Test func eachFigureIsDrawnAsItIsMadeThenTheValue() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    tty.type("rows = [{e: 1, a: 0.5}, {e: 2, a: 0.7}]\r")
    try tty.expectPrompt()
    tty.type("p = plot(rows, x: \"e\", y: \"a\", title: \"FIRSTFIG\"); plot(rows, x: \"a\", y: \"e\", title: \"SECONDFIG\"); 77\r")
    let shown = try tty.expectPrompt()
    // What came after the echoed input: the drawings, in order, then the value.
    let echo = try #require(shown.range(of: "; 77"))
    let after = String(shown[echo.upperBound...])
    let first = try #require(after.range(of: "FIRSTFIG"))
    let second = try #require(after.range(of: "SECONDFIG"))
    let value = try #require(after.range(of: "77", options: .backwards))
    #expect(first.upperBound < second.lowerBound && second.upperBound < value.lowerBound)
    #expect(after.components(separatedBy: "SECONDFIG").count == 2, "a figure drawn once")
    tty.type(":quit\r")
    #expect(tty.waitForExit() == 0)
  }

  @Test func aSavedSessionLeavesOutFailuresTheirReadersAndHelpAndReruns() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    for input in ["x = 2", "help(sqrt)", "r = {a: 1} + x", "y = x * 3", "print(\"y is {y}\")"] {
      tty.type(input + "\r")
      try tty.expectPrompt()
    }
    let notebook = home.path("session.jnb")
    tty.type(":save \(notebook)\r")
    try tty.expect("saved 3 cells")
    tty.type(":quit\r")
    #expect(tty.waitForExit() == 0)
    let text = try String(contentsOfFile: notebook, encoding: .utf8)
    #expect(text == "# %%\nx = 2\n\n# %%\ny = x * 3\n\n# %%\nprint(\"y is {y}\")\n")
    let rerun = try JouleBinary.run(["run", notebook])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(rerun.stdout.contains("y is 6"))
  }
}
