import Foundation
import Testing
import TestSupport

/// `tune(..., workers: k)` forks its workers at the call: at the prompt (through a pty), in a
/// notebook and in a script, with the code before the call run once; Ctrl-C, a killed worker
/// and a misconfigured objective end cleanly, with no process left behind (checked in /proc).
@Suite struct ParallelTrialsTests {
  static func repl(_ home: TemporaryFolder) throws -> PseudoTerminal {
    try PseudoTerminal(executable: JouleBinary.url.path, environment: [
      "HOME": home.url.path, "XDG_STATE_HOME": home.path("state"), "TERM": "xterm", "PATH": "/usr/bin:/bin",
    ])
  }

  /// Lines of terminal output: "\r\n" is one Character in Swift, so split on scalars.
  static func lines(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map {
      String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
  }

  @Test func atThePromptSixteenHalfSecondTrialsOnFourWorkersTakeUnderThreeSecondsAndCtrlCStopsThemAll() throws {
    let home = try TemporaryFolder()
    let tty = try Self.repl(home)
    try tty.expectPrompt()
    tty.type("kept = 5\r")
    try tty.expectPrompt()
    // One line, timed by the interpreter: the list's items are evaluated in order.
    tty.type("r = [clock(), tune(fn(p) { sleep(0.5); p.x }, space(x: uniform(0, 1)), strategy: \"random\", "
             + "trials: 16, maximize: \"value\", workers: 4), clock()]\r")
    try tty.expectPrompt(timeout: 30)
    tty.type("for t in r[1].trials { print(\"row {t.suggestion} {t.state}\") }\r")
    let rows = Self.lines(try tty.expectPrompt()).filter { $0.hasPrefix("row ") }
    #expect(rows.count == 16 && Set(rows).count == 16, "every trial once: \(rows)")
    #expect(rows.allSatisfy { $0.hasSuffix(" complete") })
    tty.type("print(\"took {r[2] - r[0]}\")\r")
    let took = Self.lines(try tty.expectPrompt()).first { $0.hasPrefix("took ") } ?? ""
    let seconds = try #require(Double(took.dropFirst(5)), "\(took)")
    #expect(seconds < 3, "16 × 0.5 s on 4 workers took \(seconds) s")
    #expect(ProcessTable.children(of: tty.pid).isEmpty)

    // Ctrl-C: every worker's trial is interrupted, the session and its variables stay.
    let store = home.path("stop.sqlite")
    tty.type("s2 = tune(fn(p) { sleep(30); p.x }, space(x: uniform(0, 1)), strategy: \"random\", trials: 8, "
             + "maximize: \"value\", workers: 4, study: \"stop\", store: \"\(store)\")\r")
    #expect(ProcessTable.wait(30) { ProcessTable.children(of: tty.pid).count == 4 })
    usleep(500_000)
    tty.type("\u{03}", whileRunning: true)
    let stopped = try tty.expectPrompt(timeout: 15)
    #expect(stopped.contains("stopped (interrupted)"), "\(stopped)")
    #expect(ProcessTable.children(of: tty.pid).isEmpty, "no worker left behind")
    tty.type("for t in load_study(\"stop\", store: \"\(store)\").trials { print(\"row {t.state}\") }\r")
    let states = Self.lines(try tty.expectPrompt()).filter { $0.hasPrefix("row ") }
    #expect(states.count == 4 && states.allSatisfy { $0.hasPrefix("row interrupted") }, "\(states)")
    tty.type("kept + 1\r")
    try tty.expect("\r\n6\r\n")
    try tty.expectPrompt()
  }

  @Test func aNotebookWhoseFirstCellAppendsToAFileAppendsOnceWithFourWorkers() throws {
    let folder = try TemporaryFolder()
    let notebook = try folder.write("sweep.jnb", """
      # %% setup
      command(["sh", "-c", "echo ran >> setup.log"])
      # %% sweep
      s = tune(fn(p) { sleep(0.2); p.x }, space(x: uniform(0, 1)), strategy: "random", trials: 8, maximize: "value",
               workers: 4)
      print("trials {s.finished}")
      """)
    let r = try JouleBinary.run(["run", notebook])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try String(contentsOfFile: folder.path("setup.log"), encoding: .utf8) == "ran\n")
    let report = try String(contentsOfFile: folder.path("sweep.md"), encoding: .utf8)
    #expect(report.components(separatedBy: "trials 8").count == 2, "the study shows once: \(report)")
  }

  @Test func aWorkerKilledWithSIGKILLLosesOnlyItsTrial() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", """
      s = tune(fn(p) { sleep(1); p.x }, space(x: uniform(0, 1)), strategy: "random", trials: 6, maximize: "value",
               workers: 2, study: "kill")
      for t in s.trials { print("row {t.suggestion} {t.state}") }
      """)
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = ["run", script]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    #expect(ProcessTable.wait(30) { ProcessTable.children(of: p.processIdentifier).count == 2 })
    usleep(300_000)
    let victim = try #require(ProcessTable.children(of: p.processIdentifier).first)
    kill(victim, SIGKILL)
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let rows = text.split(separator: "\n").map { $0.split(separator: " ") }
    #expect(rows.filter { $0[2] == "complete" }.count == 6, "\(text)")
    #expect(Set(rows.filter { $0[2] == "complete" }.map { $0[1] }).count == 6, "every suggestion completed once")
    #expect(rows.filter { $0[2] == "stale" }.count == 1, "the killed worker's trial alone was lost: \(text)")
  }

  @Test func aMisconfiguredObjectiveIsReportedOnceAndLeavesNoWorker() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("bad.joule", """
      s = tune(fn(p) { "not a number" }, space(x: uniform(0, 1)), strategy: "random", trials: 8, workers: 4)
      """)
    let r = try JouleBinary.run(["run", script])
    #expect(r.status != 0)
    #expect(r.stderr.components(separatedBy: "must return a number or a record").count == 2, "once: \(r.stderr)")
    #expect(r.stderr.contains("bad.joule:1:"), "with its position: \(r.stderr)")
  }

  @Test func ctrlCAtALeadScriptMarksEveryRunningTrialInterruptedAndExits130() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", """
      print("before")
      s = tune(fn(p) { sleep(20); p.x }, space(x: uniform(0, 1)), strategy: "random", trials: 8, maximize: "value",
               workers: 2, study: "lead")
      print("after")
      """)
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = ["run", script]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    #expect(ProcessTable.wait(30) { ProcessTable.children(of: p.processIdentifier).count == 2 })
    let workers = ProcessTable.children(of: p.processIdentifier)
    usleep(300_000)
    kill(p.processIdentifier, SIGINT)
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 130)
    #expect(text.hasPrefix("before\n") && text.contains("stopped (interrupted)"), "\(text)")
    #expect(!Self.lines(text).contains("after"), "the code after tune ran: \(text)")
    #expect(workers.allSatisfy { kill($0, 0) != 0 }, "every worker ended")
  }

  @Test func anExperimentWithFourWorkersRunsEveryCombinationOnceAndSharesTheJoules() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("design.joule", """
      command(["sh", "-c", "echo ran >> setup.log"])
      t0 = clock()
      e = experiment(fn(r) { sleep(0.3); {accuracy: r.a} }, factors: {a: [1, 2]}, repeat: 4, workers: 4)
      print("took {clock() - t0}")
      for t in e.study.trials { print("row {t.suggestion} {t.state} {t.energy_source}") }
      """)
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try String(contentsOfFile: folder.path("setup.log"), encoding: .utf8) == "ran\n")
    let lines = r.stdout.split(separator: "\n")
    let rows = lines.filter { $0.hasPrefix("row ") }.map { $0.split(separator: " ") }
    #expect(rows.count == 8 && Set(rows.map { $0[1] }).count == 8, "every combination × repetition once: \(r.stdout)")
    #expect(rows.allSatisfy { $0[2] == "complete" && $0.last?.hasSuffix("cpu-share") == true },
            "each run complete, with its share of the joules: \(r.stdout)")
    let took = try #require(lines.first { $0.hasPrefix("took ") }.flatMap { Double($0.dropFirst(5)) })
    #expect(took < 2, "8 runs of 0.3 s on 4 workers took \(took) s")
  }
}
