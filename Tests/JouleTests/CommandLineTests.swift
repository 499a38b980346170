import Foundation
import Testing
import TestSupport

/// The `joule` executable's command line: subcommands, exit codes, where output goes.
@Suite struct CommandLineTests {
  @Test func versionPrintsTheVersionAndSucceeds() throws {
    let r = try JouleBinary.run(["--version"])
    #expect(r.status == 0)
    #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
  }

  @Test func helpListsTheSubcommands() throws {
    let r = try JouleBinary.run(["--help"])
    #expect(r.status == 0)
    for command in ["run", "check", "export"] { #expect(r.stdout.contains(command)) }
  }

  @Test func anUnknownOptionIsAUsageError() throws {
    let r = try JouleBinary.run(["run", "--no-such-option"])
    #expect(r.status == 64)
  }

  @Test func aMissingFileIsAUsageError() throws {
    let r = try JouleBinary.run(["run", "/nonexistent/nothing.joule"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("/nonexistent/nothing.joule"))
  }

  @Test func pipedStandardInputRunsAsAScript() throws {
    let r = try JouleBinary.run([], stdin: "print(1 + 2)\n")
    #expect(r.status == 0)
    #expect(r.stdout == "3\n")
    #expect(r.stderr.isEmpty)
  }

  @Test func pipedInputShowsNoPromptAndNoValues() throws {
    let r = try JouleBinary.run([], stdin: "x = 41\nx + 1\n")
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
  }

  @Test func runPrintsOnlyWhatTheProgramPrints() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("a.joule", "x = 5\nx * 2\nprint(\"ok {x}\")\n")
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 0)
    #expect(r.stdout == "ok 5\n")
    #expect(r.stderr.isEmpty)
  }

  @Test func anEmptyFileRunsSilently() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("empty.joule", "")
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty && r.stderr.isEmpty)
  }

  @Test func aSyntaxErrorExits65WithPositionAndCaret() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("bad.joule", "x = 1\ny = (2 +\nprint(x)\n")
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("bad.joule:"))
    #expect(r.stderr.contains("^"))
  }

  @Test func aRuntimeErrorExits70WithLineColumnAndCaret() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("fail.joule", "print(\"before\")\nx = undefined_name + 1\n")
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 70)
    // Output printed before the failure stays on stdout; the error goes to stderr.
    #expect(r.stdout == "before\n")
    #expect(r.stderr.contains("fail.joule:2:5"))
    #expect(r.stderr.contains("undefined_name"))
    let lines = r.stderr.split(separator: "\n")
    let caret = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces) == "^" })
    let source = try #require(lines.first { $0.contains("x = undefined_name + 1") })
    // The caret stands under the start of the unknown name.
    #expect(caret.firstIndex(of: "^")!.utf16Offset(in: caret) == source.range(of: "undefined_name")!.lowerBound.utf16Offset(in: source))
  }

  @Test func aRuntimeErrorInPipedInputExits70() throws {
    let r = try JouleBinary.run([], stdin: "print(1)\nlen(1, 2, 3)\n")
    #expect(r.status == 70)
    #expect(r.stdout == "1\n")
    #expect(r.stderr.contains("<stdin>:2:"))
  }

  @Test func runStopsAtTheFirstFailingFile() throws {
    let folder = try TemporaryFolder()
    let bad = try folder.write("bad.joule", "nope(\n")
    let good = try folder.write("good.joule", "print(\"good\")\n")
    let r = try JouleBinary.run(["run", good, bad, good])
    #expect(r.status == 65)
    #expect(r.stdout == "good\n")
  }

  @Test func checkParsesWithoutRunning() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("ok.joule", "print(\"ran\")\n")
    let r = try JouleBinary.run(["check", script])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
  }

  @Test func checkReportsASyntaxErrorWith65() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("bad.joule", "fn f(x) {\n  x +\n")
    let r = try JouleBinary.run(["check", script])
    #expect(r.status == 65)
    #expect(r.stderr.contains("bad.joule:"))
  }

  @Test func scriptsSeeTheirOwnFolder() throws {
    let folder = try TemporaryFolder()
    try folder.write("helper.joule", "fn twice(x) { x * 2 }\n")
    let script = try folder.write("main.joule", "source(\"helper.joule\")\nprint(twice(21))\n")
    // Run from elsewhere: the relative path must resolve against the script's folder.
    let r = try JouleBinary.run(["run", script], directory: URL(fileURLWithPath: "/"))
    #expect(r.status == 0, "stderr: \(r.stderr)")
    #expect(r.stdout == "42\n")
  }

  @Test func ctrlCStopsARunningScriptWithStatus130() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("loop.joule", "print(\"started\")\nn = 0\nwhile true { n = n + 1 }\n")
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = ["run", script]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Wait (at most 15 s) for the loop to start, then press Ctrl-C (SIGINT).
    var poller = pollfd(fd: out.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
    #expect(poll(&poller, 1, 15_000) == 1)
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(out.fileHandleForReading.fileDescriptor, &buffer, buffer.count)
    #expect(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self) == "started\n")
    usleep(200_000)
    p.interrupt()
    // A watchdog, so a joule that ignores Ctrl-C fails the test instead of hanging it.
    let watchdog = Thread { sleep(15); if p.isRunning { p.terminate() } }
    watchdog.start()
    p.waitUntilExit()
    // Exited by itself (not killed by the signal) with 128 + SIGINT.
    #expect(p.terminationReason == .exit)
    #expect(p.terminationStatus == 130)
    #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("interrupted"))
  }
}
