import Foundation
import Testing
import TestSupport

/// Ctrl-C under `joule run` stops the whole script, even when the builtin it lands in
/// (`train`) returns a partial result instead of failing.
@Suite struct InterruptTests {
  /// Starts `joule run script`, waits for `marker` on stdout, waits `delay`, sends SIGINT;
  /// returns the exit status, everything on stdout and stderr.
  func interrupt(_ script: String, after marker: String, delay: useconds_t) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = ["run", script]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    var seen = ""
    let fd = out.fileHandleForReading.fileDescriptor
    let deadline = Date().addingTimeInterval(60)
    while !seen.contains(marker) && Date() < deadline {
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 1000) == 1 else { continue }
      var buffer = [UInt8](repeating: 0, count: 256)
      let n = read(fd, &buffer, buffer.count)
      if n <= 0 { break }
      seen += String(decoding: buffer.prefix(n), as: UTF8.self)
    }
    usleep(delay)
    p.interrupt()
    let watchdog = Thread { sleep(60); if p.isRunning { p.terminate() } }
    watchdog.start()
    p.waitUntilExit()
    seen += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (p.terminationStatus, seen, stderr)
  }

  @Test func ctrlCDuringTrainInALoopStopsTheScript() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("runs.joule", """
      d = dataset("fashion-mnist", train: 4000, test: 200)
      for i in range(6) {
        print("run {i}")
        r = train(simple_cnn(), d, epochs: 200)
        print("done {i} {r.state}")
      }
      """)
    let (status, stdout, stderr) = try interrupt(script, after: "run 0", delay: 1_500_000)
    #expect(status == 130)
    #expect(stdout.contains("run 0"))
    #expect(!stdout.contains("done 0"), "the loop carried on after Ctrl-C: \(stdout)")
    #expect(!stdout.contains("run 1"), "the loop carried on after Ctrl-C: \(stdout)")
    #expect(stderr.contains("interrupted: train stopped "), "\(stderr)")
  }

  @Test func ctrlCInANotebookWritesThePartialReportAndExits130() throws {
    let folder = try TemporaryFolder()
    let notebook = try folder.write("runs.jnb", """
      # %% data
      d = dataset("fashion-mnist", train: 4000, test: 200)
      # %% runs
      for i in range(6) {
        print("run {i}")
        r = train(simple_cnn(), d, epochs: 200)
        print("done {i}")
      }
      # %% after
      print("after")
      """)
    let (status, stdout, stderr) = try interrupt(notebook, after: "run 0", delay: 1_500_000)
    #expect(status == 130, "\(stderr)")
    #expect(!stdout.contains("done 0") && !stdout.contains("after"), "the notebook carried on after Ctrl-C: \(stdout)")
    #expect(stderr.contains("runs interrupted after"), "\(stderr)")
    let report = try String(contentsOfFile: folder.path("runs.md"), encoding: .utf8)
    #expect(report.contains("interrupted: train stopped after epoch"), "\(report)")
    #expect(report.contains("*Not run: an earlier cell failed.*"))
    #expect(report.contains("by an interrupt (Ctrl-C)"))
  }
}
