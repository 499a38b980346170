import Foundation
import Testing
import TestSupport

/// Several `joule run` processes on one study, over SQLite and over TCP to a real PostgreSQL.
@Suite struct ManyWorkersTests {
  /// A study of sleeping trials; `extra` adds tune arguments.
  static func sweep(_ name: String, trials: Int, seconds: Double = 0.2, extra: String = "") -> String {
    """
    s = tune(fn(p) { sleep(\(seconds)); p.x }, space(x: uniform(0, 1)), strategy: "random", trials: \(trials),
             maximize: "value", study: "\(name)"\(extra))
    print("finished {s.finished}")
    """
  }

  /// One line per trial: number, suggestion, state, worker.
  static let report = """
    for t in load_study(env("STUDY")).trials { print("{t.number} {t.suggestion} {t.state} {t.worker}") }
    """

  struct Row { var number: Int; var suggestion: Int; var state: String; var worker: String }

  /// The study's trials; `polling` tolerates a study not created yet.
  static func rows(_ folder: TemporaryFolder, study: String, environment: [String: String] = [:],
                   polling: Bool = false) throws -> [Row] {
    let script = try folder.write("report.joule", report)
    var env = environment
    env["STUDY"] = study
    let r = try JouleBinary.run(["run", script], environment: env)
    if polling && r.status != 0 { return [] }
    #expect(r.status == 0, "\(r.stderr)")
    return r.stdout.split(separator: "\n").compactMap { line in
      let f = line.split(separator: " ").map(String.init)
      guard f.count == 4, let n = Int(f[0]), let s = Int(f[1]) else { return nil }
      return Row(number: n, suggestion: s, state: f[2], worker: f[3])
    }
  }

  /// Starts `joule run` without waiting; output discarded.
  static func start(_ arguments: [String], environment: [String: String]) throws -> Process {
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
  }

  static func finish(_ p: Process) -> Int32 {
    p.waitUntilExit()
    return p.terminationStatus
  }

  @Test func twoProcessesOnOneSQLiteStudyRunEachTrialOnce() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", ManyWorkersTests.sweep("pair", trials: 10))
    let a = try ManyWorkersTests.start(["run", script], environment: ["JOULE_WORKER": "a"])
    let b = try ManyWorkersTests.start(["run", script], environment: ["JOULE_WORKER": "b"])
    #expect(ManyWorkersTests.finish(a) == 0 && ManyWorkersTests.finish(b) == 0)
    let rows = try ManyWorkersTests.rows(folder, study: "pair", environment: ["JOULE_STORE": folder.path("studies.sqlite")])
    #expect(rows.count == 10, "0.1 ended with 11 trials here")
    #expect(rows.allSatisfy { $0.state == "complete" })
    #expect(Set(rows.map(\.suggestion)) == Set(0..<10))
    #expect(Set(rows.map { $0.worker.prefix(1) }) == ["a", "b"], "both processes took trials")
  }

  @Test func twoMachinesOverTCPFinishOneStudyAndAKilledWorkerLosesOnlyItsTrial() throws {
    try PostgresServer.with { pg in
      let folder = try TemporaryFolder()
      // Two "machines": separate processes with separate names, on one server over TCP.
      let script = try folder.write("sweep.joule", ManyWorkersTests.sweep("machines", trials: 12))
      let a = try ManyWorkersTests.start(["run", script], environment: ["JOULE_STORE": pg.url, "JOULE_WORKER": "machine-a"])
      let b = try ManyWorkersTests.start(["run", script], environment: ["JOULE_STORE": pg.url, "JOULE_WORKER": "machine-b"])
      #expect(ManyWorkersTests.finish(a) == 0 && ManyWorkersTests.finish(b) == 0)
      let rows = try ManyWorkersTests.rows(folder, study: "machines", environment: ["JOULE_STORE": pg.url])
      #expect(rows.map(\.number) == Array(1...12))
      #expect(rows.allSatisfy { $0.state == "complete" })
      #expect(Set(rows.map(\.suggestion)) == Set(0..<12), "every trial exactly once")
      #expect(Set(rows.map { String($0.worker.prefix(9)) }) == ["machine-a", "machine-b"])

      // A worker killed mid-trial: its trial turns stale, the other worker runs it again.
      let slow = try folder.write("slow.joule", ManyWorkersTests.sweep("chaos", trials: 4, seconds: 1.0, extra: ", stale_after: 3"))
      let victim = try ManyWorkersTests.start(["run", slow], environment: ["JOULE_STORE": pg.url, "JOULE_WORKER": "victim"])
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline, try ManyWorkersTests.rows(folder, study: "chaos", environment: ["JOULE_STORE": pg.url], polling: true).isEmpty {
        usleep(200_000)
      }
      kill(victim.processIdentifier, SIGKILL)
      victim.waitUntilExit()
      let survivor = try JouleBinary.run(["run", slow], environment: ["JOULE_STORE": pg.url, "JOULE_WORKER": "survivor"])
      #expect(survivor.status == 0, "\(survivor.stderr)")
      let after = try ManyWorkersTests.rows(folder, study: "chaos", environment: ["JOULE_STORE": pg.url])
      #expect(after.filter { $0.state == "complete" }.count == 4)
      #expect(after.filter { $0.state == "stale" }.count == 1 && after.first?.state == "stale")
      #expect(Set(after.filter { $0.state == "complete" }.map(\.suggestion)) == Set(0..<4))
    }
  }

  @Test func workersInOneScriptShareTheStudyAndTheLeadReportsItOnce() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", ManyWorkersTests.sweep("local", trials: 9, extra: ", workers: 3"))
    let r = try JouleBinary.run(["run", script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "finished 9\n", "the code after tune runs once, in the lead")
    let rows = try ManyWorkersTests.rows(folder, study: "local", environment: ["JOULE_STORE": folder.path("studies.sqlite")])
    #expect(rows.count == 9 && Set(rows.map(\.suggestion)).count == 9)
    #expect(Set(rows.map(\.worker)).count == 3, "three worker processes")
  }

  @Test func anUnreachableStoreIsOneClearErrorWithThePasswordMasked() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", ManyWorkersTests.sweep("nowhere", trials: 2))
    let url = "postgresql://joule:hunter2@127.0.0.1:\(PostgresServer.freePort())/studies"
    let r = try JouleBinary.run(["run", script], environment: ["JOULE_STORE": url])
    #expect(r.status == 70)
    #expect(r.stderr.contains("postgresql://joule:***@127.0.0.1"), "\(r.stderr)")
    #expect(!r.stderr.contains("hunter2"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("studies.sqlite")), "nothing written")
    let listing = try JouleBinary.run(["studies", "--store", url])
    #expect(listing.status == 70 && listing.stderr.contains("***") && !listing.stderr.contains("hunter2"))
  }

  @Test func ctrlCInOneWorkerInterruptsOnlyItsTrial() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", ManyWorkersTests.sweep("ctrl-c", trials: 5, seconds: 0.8))
    let store = ["JOULE_STORE": folder.path("studies.sqlite")]
    let a = try ManyWorkersTests.start(["run", script], environment: store.merging(["JOULE_WORKER": "a"]) { $1 })
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline, !(try ManyWorkersTests.rows(folder, study: "ctrl-c", environment: store, polling: true)).contains(where: { $0.worker.hasPrefix("a@") }) {
      usleep(100_000)
    }
    let b = try ManyWorkersTests.start(["run", script], environment: store.merging(["JOULE_WORKER": "b"]) { $1 })
    usleep(300_000)
    kill(a.processIdentifier, SIGINT)
    // As with one process: the interrupted run ends with 130, as shells report Ctrl-C.
    #expect(ManyWorkersTests.finish(a) == 130)
    #expect(ManyWorkersTests.finish(b) == 0)
    let rows = try ManyWorkersTests.rows(folder, study: "ctrl-c", environment: store)
    #expect(rows.filter { $0.state == "interrupted" }.map { String($0.worker.prefix(1)) } == ["a"])
    #expect(rows.filter { $0.state == "complete" }.count == 5)
    #expect(Set(rows.filter { $0.state == "complete" }.map(\.suggestion)) == Set(0..<5))
  }

  @Test func aNotebookWithWorkersReportsTheStudyOnce() throws {
    let folder = try TemporaryFolder()
    let notebook = try folder.write("sweep.jnb", """
      # %% [markdown]
      # # Workers

      # %% sweep
      s = tune(fn(p) { sleep(0.2); p.x }, space(x: uniform(0, 1)), strategy: "random", trials: 6, maximize: "value",
               study: "nb", workers: 2)
      print("trials {s.finished}")
      """)
    let r = try JouleBinary.run(["run", notebook])
    #expect(r.status == 0, "\(r.stderr)")
    let report = try String(contentsOfFile: folder.path("sweep.md"), encoding: .utf8)
    #expect(report.components(separatedBy: "trials 6").count == 2, "the study shows once: \(report)")
    let rows = try ManyWorkersTests.rows(folder, study: "nb", environment: ["JOULE_STORE": folder.path("studies.sqlite")])
    #expect(rows.count == 6 && Set(rows.map(\.worker)).count == 2)
  }

  @Test func ctrlCAtTheLeadStopsEveryLocalWorkerCleanly() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("sweep.joule", ManyWorkersTests.sweep("lead", trials: 8, seconds: 2, extra: ", workers: 2"))
    let store = ["JOULE_STORE": folder.path("studies.sqlite")]
    let lead = Process()
    lead.executableURL = JouleBinary.url
    lead.arguments = ["run", script]
    let out = Pipe()
    lead.standardOutput = out
    lead.standardError = FileHandle.nullDevice
    try lead.run()
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline,
          (try ManyWorkersTests.rows(folder, study: "lead", environment: store, polling: true)).filter({ $0.state == "running" }).count < 2 {
      usleep(100_000)
    }
    kill(lead.processIdentifier, SIGINT)
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    lead.waitUntilExit()
    #expect(lead.terminationStatus == 130)
    #expect(text.contains("stopped (interrupted)"), "\(text)")
    let rows = try ManyWorkersTests.rows(folder, study: "lead", environment: store)
    #expect(rows.filter { $0.state == "interrupted" }.count == 2, "each worker marked its own trial")
    #expect(!rows.contains { $0.state == "running" })
  }
}
