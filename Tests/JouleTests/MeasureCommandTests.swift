import Foundation
import Testing
import TestSupport

/// `joule measure -- PROGRAM`: the program's stdio untouched, a summary on stderr, its exit code.
@Suite struct MeasureCommandTests {
  @Test func theProgramKeepsItsStdioAndExitCodeAndASummaryFollows() throws {
    let r = try JouleBinary.run(["measure", "--", "sh", "-c", "cat; echo err >&2; exit 4"], stdin: "from stdin")
    #expect(r.status == 4)
    #expect(r.stdout == "from stdin")
    #expect(r.stderr.hasPrefix("err\njoule measure: sh -c cat; echo err >&2; exit 4 (exit code 4)\n"))
    #expect(r.stderr.contains(" J machine ("))
    #expect(r.stderr.contains("W mean); the program's share "))
    #expect(r.stderr.contains("estimated: ") || r.stderr.contains(", measured"))
  }

  @Test func theTimeSeriesHasOneRowPerInterval() throws {
    let csv = NSTemporaryDirectory() + "joule-measure-\(getpid()).csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    let r = try JouleBinary.run(["measure", "-o", csv, "--interval", "100", "--", "sleep", "0.65"])
    #expect(r.status == 0)
    let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
    let header = lines.first.map(String.init) ?? ""
    #expect(header.hasPrefix("time_s,interval_s,"))
    #expect(header.hasSuffix(",tree_cpus,cpu_share"))
    #expect(header.contains("_j,") && header.contains("_w,"))
    #expect(lines.count >= 6 && lines.count <= 9)
    let columns = header.split(separator: ",").count
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == columns })
    // The shortest interval gets rows that short: the tree is sampled that often too.
    let fine = try JouleBinary.run(["measure", "-o", csv, "--interval", "50", "--", "sleep", "0.65"])
    #expect(fine.status == 0)
    let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count - 1
    #expect(rows >= 10 && rows <= 15, "\(rows) rows of 50 ms over 0.65 s")
  }

  @Test func aMissingProgramExits127NamingIt() throws {
    let r = try JouleBinary.run(["measure", "--", "joule-no-such-program"])
    #expect(r.status == 127)
    #expect(r.stderr.contains("joule measure: program 'joule-no-such-program' not found"))
  }

  @Test func noProgramOrATooShortIntervalIsAUsageError() throws {
    #expect(try JouleBinary.run(["measure"]).status == 64)
    #expect(try JouleBinary.run(["measure", "--"]).status == 64)
    let r = try JouleBinary.run(["measure", "--interval", "10", "--", "true"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--interval must be at least 50 ms"))
  }

  @Test func aScriptRunningAMissingProgramExits70() throws {
    let r = try JouleBinary.run([], stdin: "command([\"joule-no-such-program\"])\n")
    #expect(r.status == 70)
    #expect(r.stderr.contains("program 'joule-no-such-program' not found"))
  }

  @Test func ctrlCReachesTheProgramAndJouleExitsWithItsCode() throws {
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = ["measure", "--", "sleep", "30"]
    let err = Pipe()
    p.standardError = err
    try p.run()
    var child: Int32?
    for _ in 0..<100 where child == nil {
      usleep(50_000)
      child = Self.children(of: p.processIdentifier).first
    }
    // What a terminal's Ctrl-C does: SIGINT to every process of the foreground group.
    kill(p.processIdentifier, SIGINT)
    if let child { kill(child, SIGINT) }
    p.waitUntilExit()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(child != nil)
    #expect(p.terminationStatus == 130)
    #expect(text.contains("joule measure: sleep 30 (killed by signal 2)"))
  }

  static func children(of parent: Int32) -> [Int32] {
    let dirs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return dirs.compactMap(Int32.init).filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")") else { return false }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == parent
    }
  }
}
