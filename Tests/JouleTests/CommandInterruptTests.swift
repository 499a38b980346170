import Foundation
import Testing
import TestSupport

/// Ctrl-C (SIGINT to joule) while `command()` runs: the program's whole tree stops, joule exits
/// 130, and no process of the tree is left (checked in /proc).
@Suite struct CommandInterruptTests {
  @Test func ctrlCDuringACommandLeavesNoProcessBehind() throws {
    let marker = String(Int.random(in: 100_000...999_999))
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = []
    let input = Pipe(), output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = output
    try p.run()
    // A background job, one that left the group, and the foreground sleep.
    let script = "command([\"sh\", \"-c\", \"sleep \(marker)1 & setsid sleep \(marker)2 & sleep \(marker)3\"])\nprint(\"carried on\")\n"
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    // Wait until the tree is up, then press Ctrl-C.
    var up = false
    for _ in 0..<100 where !up {
      usleep(50_000)
      up = Self.processes(holding: marker).count >= 4   // sh and its three sleeps
    }
    #expect(up)
    kill(p.processIdentifier, SIGINT)
    p.waitUntilExit()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(p.terminationStatus == 130)
    #expect(!text.contains("carried on"))
    #expect(text.contains("interrupted: command stopped after "), "\(text)")
    Self.expectNoneLeft(holding: marker)
  }

  @Test func ctrlCAtThePromptKeepsTheCommandsPartialRecordInUnderscore() throws {
    let home = try TemporaryFolder()
    let tty = try PseudoTerminal(executable: JouleBinary.url.path, environment: [
      "HOME": home.url.path, "XDG_STATE_HOME": home.path("state"), "TERM": "xterm", "PATH": "/usr/bin:/bin",
    ])
    try tty.expectPrompt()
    let marker = String(Int.random(in: 100_000...999_999))
    // A busy background job (so the tree has CPU time and joules) and a long foreground sleep.
    tty.type("c = command([\"sh\", \"-c\", \"while :; do :; done & sleep \(marker)\"])\r")
    try tty.expect("\r\n")
    var up = false
    for _ in 0..<100 where !up {
      usleep(50_000)
      up = Self.processes(holding: marker).count >= 3   // sh, its busy subshell, sleep
    }
    #expect(up)
    // Let the busy job run up some CPU time first: on a loaded machine 300 ms of wall time can
    // give it less than the 0.1 s the record is checked for below.
    for _ in 0..<200 where Self.cpuSeconds(holding: marker) < 0.3 { usleep(50_000) }
    // The terminal's Ctrl-C reaches joule (the program has a process group of its own).
    tty.type("\u{03}", whileRunning: true)
    try tty.expect("interrupted: command stopped after ")
    try tty.expect("its partial result is in _")
    try tty.expectPrompt()
    tty.type("[_.state, _.cpu_seconds > 0.1, _.energy_j > 0, _.machine_energy_j >= _.energy_j]\r")
    try tty.expect("[\"interrupted\", true, true, true]")
    try tty.expectPrompt()
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
    Self.expectNoneLeft(holding: marker)
  }

  /// Waits up to a second for every process holding `marker` to go; kills and records any left.
  static func expectNoneLeft(holding marker: String) {
    var left = processes(holding: marker)
    for _ in 0..<20 where !left.isEmpty {
      usleep(50_000)
      left = processes(holding: marker)
    }
    #expect(left.isEmpty)
    for pid in left { kill(pid, SIGKILL) }
  }

  /// CPU seconds (user and system) the living processes holding `marker` have used so far.
  static func cpuSeconds(holding marker: String) -> Double {
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    return processes(holding: marker).reduce(0) { total, pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")") else { return total }
      // Fields after the command's ")": state is the 3rd field of stat, utime the 14th, stime the 15th.
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return total }
      return total + (user + system) / ticks
    }
  }

  /// Living processes whose command line holds `marker`.
  static func processes(holding marker: String) -> [Int32] {
    let dirs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return dirs.compactMap(Int32.init).filter { pid in
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
            String(decoding: data, as: UTF8.self).contains(marker),
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")") else { return false }
      return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
  }
}
