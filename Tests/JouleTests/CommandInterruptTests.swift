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
    let script = "command([\"sh\", \"-c\", \"sleep \(marker)1 & setsid sleep \(marker)2 & sleep \(marker)3\"])\nprint(\"after\")\n"
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
    #expect(!text.contains("after"))
    var left = Self.processes(holding: marker)
    for _ in 0..<20 where !left.isEmpty {
      usleep(50_000)
      left = Self.processes(holding: marker)
    }
    #expect(left.isEmpty)
    for pid in left { kill(pid, SIGKILL) }
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
