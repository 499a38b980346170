import Foundation
import Testing
import TestSupport
import Workload

/// Output is kept in bounded tails, decoded leniently, and scanned for metrics and reports.
@Suite struct OutputTests {
  @Test func smallOutputIsKeptWholeWithExitCodeAndStderr() throws {
    let r = try CommandRunner().run(Command(["sh", "-c", "echo hello; echo oops >&2; exit 3"]))
    #expect(r.state == .failed)
    #expect(r.exitCode == 3)
    #expect(r.stdout.text == "hello\n")
    #expect(r.stderr.text == "oops\n")
    #expect(!r.stdout.truncated)
    #expect(r.failure == "exit code 3: oops")
  }

  @Test func hundredMegabytesOfStdoutKeepOnlyTheTail() throws {
    let r = try CommandRunner().run(Command(["sh", "-c", "yes 'a line of output 0123456789' | head -c 100000000; echo; echo '{\"done\": 1}'"]))
    #expect(r.stdout.totalBytes == 100_000_000 + 1 + 12)
    #expect(r.stdout.truncated)
    #expect(r.stdout.bytes.count == OutputTail.defaultLimit)
    #expect(r.stdout.text.hasSuffix("{\"done\": 1}\n"))
    #expect(r.metrics["done"] == 1)
  }

  /// Memory is checked in a joule process of its own: the tests that run beside this one in the
  /// test process would move that process's resident size by tens of megabytes.
  @Test func hundredMegabytesOfStdoutDoNotGrowJoulesMemory() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-tail-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    func peakRSS(_ argv: String) throws -> Double {
      let script = dir.appendingPathComponent("run.joule")
      try "r = command(\(argv))\nprint(r.state)\n".write(to: script, atomically: true, encoding: .utf8)
      let r = try CommandRunner().run(Command([JouleBinary.url.path, "run", script.path]))
      #expect(r.stdout.text == "ok\n", "\(r.stderr.text)")
      return r.energy.peakRSSBytes
    }
    // As long as the loud run, so that both see joule fully started.
    let quiet = try peakRSS(#"["sh", "-c", "sleep 2"]"#)
    let loud = try peakRSS(#"["sh", "-c", "yes 'a line of output 0123456789' | head -c 100000000"]"#)
    // The tails are 64 KiB; allow generous room for the allocator (and for sh, yes and head,
    // which are in the tree too), far below 100 MB.
    #expect(loud - quiet < 30_000_000)
  }

  @Test func bytesThatAreNotUTF8BecomeReplacementCharacters() throws {
    let r = try CommandRunner().run(Command(["printf", "ok \\377\\376 end\\n"]))
    #expect(r.stdout.text == "ok \u{FFFD}\u{FFFD} end\n")
  }

  @Test func metricsAreTheLastValidJSONObjectLine() throws {
    let out = #"{"accuracy": 0.5}\n{"accuracy": 0.87, "loss": 0.4, "name": "x", "best": true}\n{"accuracy": broken\nbye\n"#
    let r = try CommandRunner().run(Command(["printf", out]))
    #expect(r.metrics == ["accuracy": 0.87, "loss": 0.4])
    #expect(r.metricsJSON == #"{"accuracy": 0.87, "loss": 0.4, "name": "x", "best": true}"#)
    #expect(r.metricsMissing == nil)
  }

  @Test func invalidJSONGivesNoMetricsAndSaysWhy() throws {
    let r = try CommandRunner().run(Command(["printf", "{accuracy: 0.9}\\n"]))
    #expect(r.metricsJSON == nil)
    #expect(r.metrics.isEmpty)
    #expect(r.metricsMissing == "no metrics found: 1 stdout line began with '{' but was not valid JSON")
  }

  @Test func reportsArriveFromStdoutAndFromTheReportDescriptor() throws {
    let script = #"echo 'JOULE_REPORT {"step": 1, "acc": 0.5}'; echo '{"step": 2, "acc": 0.6}' >&$JOULE_REPORT_FD; "#
      + #"echo 'JOULE_REPORT {"step": 3, "acc": 0.7}' >&$JOULE_REPORT_FD; echo 'JOULE_REPORT not json'; echo "fd=$JOULE_REPORT_FD""#
    let r = try CommandRunner().run(Command(["sh", "-c", script]))
    #expect(r.reports.map(\.step) == [1, 2, 3])
    #expect(r.reports.map { $0.values["acc"] } == [0.5, 0.6, 0.7])
    #expect(r.stdout.text.hasSuffix("fd=3\n"))
    // A report line is never the metrics line.
    #expect(r.metricsJSON == nil)
  }

  @Test func stdinEnvironmentAndWorkingDirectoryReachTheProgram() throws {
    var c = Command(["sh", "-c", "cat; echo \" $GREETING\"; pwd"])
    c.input = .bytes(Array("from stdin".utf8))
    c.environment = ["GREETING": "hello"]
    c.workingDirectory = "/usr/share"
    let r = try CommandRunner().run(c)
    #expect(r.stdout.text == "from stdin hello\n/usr/share\n")
  }

  @Test func aProgramThatDoesNotReadItsInputStillRuns() throws {
    var c = Command(["true"])
    c.input = .bytes([UInt8](repeating: 65, count: 1 << 20))
    #expect(try CommandRunner().run(c).state == .ok)
  }

  static func residentBytes() -> Int {
    let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
    let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
