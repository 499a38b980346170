import Foundation
import Testing
import TestSupport

/// The REPL driven through a real pseudo-terminal: typing, Tab, Ctrl-C, Ctrl-D, history.
@Suite struct ReplTerminalTests {
  private func startRepl(home: TemporaryFolder) throws -> PseudoTerminal {
    try PseudoTerminal(
      executable: JouleBinary.url.path,
      environment: [
        "HOME": home.url.path,
        "XDG_STATE_HOME": home.path("state"),
        "TERM": "xterm",
        "PATH": "/usr/bin:/bin",
      ])
  }

  @Test func aSessionShowsValuesCompletesInterruptsAndKeepsHistory() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    try tty.expectPrompt()

    // An assignment shows nothing; an expression shows its value.
    tty.type("x = 41\r")
    try tty.expectPrompt()
    tty.type("x + 1\r")
    try tty.expect("\r\n42\r\n")
    try tty.expectPrompt()

    // Tab completes a builtin's name: `pri` becomes `print`, so the call runs.
    tty.type("pri\t")
    try tty.expect("nt")
    tty.type("(6 * 7)\r")
    try tty.expect("\r\n42\r\n")
    try tty.expectPrompt()

    // Ctrl-C stops a loop that never ends and returns to the prompt with `x` intact.
    tty.type("while true { }\r")
    try tty.expect("\r\n")
    // Give the loop time to start, so Ctrl-C interrupts running code, not the typed line.
    usleep(400_000)
    tty.type("\u{03}", whileRunning: true)
    try tty.expect("interrupted")
    try tty.expectPrompt()
    tty.type("x\r")
    try tty.expect("\r\n41\r\n")
    try tty.expectPrompt()

    // An open bracket asks for more with the continuation prompt.
    tty.type("y = [1,\r")
    try tty.expectPrompt("...> ")
    tty.type("2]\r")
    try tty.expectPrompt()
    tty.type("len(y)\r")
    try tty.expect("\r\n2\r\n")
    try tty.expectPrompt()

    // Ctrl-D on an empty line leaves cleanly.
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)

    let history = try String(contentsOfFile: home.path("state/joule/history"), encoding: .utf8)
    let lines = history.split(separator: "\n").map(String.init)
    for input in ["x = 41", "x + 1", "print(6 * 7)", "while true { }", "len(y)"] {
      #expect(lines.contains(input), "history lacks \(input.debugDescription): \(lines)")
    }
    // The two-line input is one entry: its first line continues with a backslash.
    #expect(history.contains("y = [1,\\\n2]\n"), "history: \(lines)")
    #expect(!lines.contains("y = [1,"), "the first line was saved on its own: \(lines)")
  }

  @Test func aMultiLineInputIsRecalledWholeWithTheUpArrow() throws {
    let home = try TemporaryFolder()
    do {
      let first = try startRepl(home: home)
      try first.expectPrompt()
      first.type("fn twice(n) {\r")
      try first.expectPrompt("...> ")
      first.type("  n * 2\r")
      try first.expectPrompt("...> ")
      first.type("}\r")
      try first.expectPrompt()
      first.type("\u{04}")
      #expect(first.waitForExit() == 0)
    }
    let second = try startRepl(home: home)
    try second.expectPrompt()
    // One up arrow brings back the whole function; Enter defines it again.
    second.type("\u{1b}[A\r")
    try second.expectPrompt()
    second.type("twice(21)\r")
    try second.expect("\r\n42\r\n")
    // The last value shown is `_`, as in IPython.
    second.type("_ + 1\r")
    try second.expect("\r\n43\r\n")
    second.type("\u{04}")
    #expect(second.waitForExit() == 0)
  }

  @Test func aWideTableIsTrimmedToTheWindowInsteadOfWrapping() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)  // an 80-column window
    try tty.expectPrompt()
    tty.type("r = {}\r")
    try tty.expectPrompt()
    tty.type("for i in range(20) { r[\"column_{i}\"] = i / 3 }\r")
    try tty.expectPrompt()
    tty.type("[r, r]\r")
    let shown = try tty.expect("more columns")
    try tty.expectPrompt()
    let lines = shown.components(separatedBy: "\r\n").filter { $0.contains("column_0") || $0.contains("0.3333") }
    #expect(!lines.isEmpty)
    for line in lines { #expect(line.count <= 80, "wrapped: \(line)") }
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
  }

  @Test func utf8InputSurvivesTheLineEditor() throws {
    let home = try TemporaryFolder()
    // No LANG or LC_* in the environment: joule must still read UTF-8 as characters.
    let tty = try startRepl(home: home)
    try tty.expectPrompt()
    tty.type("s = \"h\u{e9}llo w\u{f6}rld \u{1f50b}\"\r")
    try tty.expectPrompt()
    tty.type("len(s)\r")
    try tty.expect("\r\n13\r\n")
    tty.type("s\r")
    try tty.expect("\"h\u{e9}llo w\u{f6}rld \u{1f50b}\"")
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
  }

  @Test func ctrlCWhileTypingDiscardsTheLine() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    try tty.expectPrompt()
    tty.type("undefined_thing")
    tty.type("\u{03}")
    try tty.expectPrompt()
    tty.type("1 + 1\r")
    let shown = try tty.expect("\r\n2\r\n")
    #expect(!shown.contains("undefined_thing"), "the discarded line ran: \(shown)")
    tty.type(":quit\r")
    #expect(tty.waitForExit() == 0)
  }

  @Test func historyFromAnEarlierSessionIsRecalledWithTheUpArrow() throws {
    let home = try TemporaryFolder()
    do {
      let first = try startRepl(home: home)
      try first.expectPrompt()
      first.type("z = 6 * 7\r")
      try first.expectPrompt()
      first.type("\u{04}")
      #expect(first.waitForExit() == 0)
    }
    let second = try startRepl(home: home)
    try second.expectPrompt()
    // Up recalls `z = 6 * 7`; Enter runs it again; then `z` shows its value.
    second.type("\u{1b}[A\r")
    try second.expectPrompt()
    second.type("z\r")
    try second.expect("\r\n42\r\n")
    second.type("\u{04}")
    #expect(second.waitForExit() == 0)
  }

  @Test func aLineEndingInABackslashStaysItsOwnHistoryEntry() throws {
    let home = try TemporaryFolder()
    do {
      let first = try startRepl(home: home)
      try first.expectPrompt()
      first.type("w = 1  # C:\\\r")
      try first.expectPrompt()
      first.type("z = 6 * 7\r")
      try first.expectPrompt()
      first.type("\u{04}")
      #expect(first.waitForExit() == 0)
    }
    let second = try startRepl(home: home)
    try second.expectPrompt()
    // Up twice reaches the comment line alone (not joined to `z = 6 * 7`); Enter runs it.
    second.type("\u{1b}[A\u{1b}[A\r")
    try second.expectPrompt()
    second.type("z\r")
    try second.expect("undefined variable 'z'")
    try second.expectPrompt()
    second.type("w\r")
    try second.expect("\r\n1\r\n")
    second.type("\u{04}")
    #expect(second.waitForExit() == 0)
  }

  @Test func errorsAreShownAndTheSessionGoesOn() throws {
    let home = try TemporaryFolder()
    let tty = try startRepl(home: home)
    try tty.expectPrompt()
    tty.type("a = 5\r")
    try tty.expectPrompt()
    tty.type("a + nope\r")
    try tty.expect("^")
    try tty.expectPrompt()
    tty.type("a\r")
    try tty.expect("\r\n5\r\n")
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
  }
}
