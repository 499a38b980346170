import Foundation
import Testing
import TestSupport

/// `joule calibrate` end to end: refused without a counter, stopped cleanly by Ctrl-C.
@Suite struct CalibrateCommandTests {
  /// A powercap root with one package zone, laid out as /sys/class/powercap/intel-rapl:0 is.
  func powercapRoot(in folder: TemporaryFolder) throws -> String {
    let zone = folder.path("powercap/intel-rapl:0")
    try FileManager.default.createDirectory(atPath: zone, withIntermediateDirectories: true)
    try "package-0\n".write(toFile: zone + "/name", atomically: true, encoding: .utf8)
    try "1000000\n".write(toFile: zone + "/energy_uj", atomically: true, encoding: .utf8)
    try "262143328850\n".write(toFile: zone + "/max_energy_range_uj", atomically: true, encoding: .utf8)
    return folder.path("powercap")
  }

  @Test func calibrateWithoutARAPLCounterExitsUnavailableAndWritesNothing() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("cal.json")
    let r = try JouleBinary.run(["calibrate", "--seconds", "21", "-o", out],
                                environment: ["JOULE_POWERCAP_ROOT": folder.path("none")])
    #expect(r.status == 69)
    #expect(r.stderr.contains("calibrate needs a readable RAPL package counter: no \(folder.path("none"))/intel-rapl:*"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func tooShortASweepIsAUsageError() throws {
    let r = try JouleBinary.run(["calibrate", "--seconds", "5"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--seconds must be at least 21"))
  }

  @Test func ctrlCDuringTheSweepStopsItAndWritesNothing() throws {
    let folder = try TemporaryFolder()
    let root = try powercapRoot(in: folder)
    let out = folder.path("cal.json")
    let p = Process()
    p.executableURL = JouleBinary.url
    p.arguments = ["calibrate", "--seconds", "210", "-o", out]
    p.environment = ProcessInfo.processInfo.environment.merging(["JOULE_POWERCAP_ROOT": root]) { $1 }
    let err = Pipe()
    p.standardError = err
    p.standardOutput = Pipe()
    try p.run()
    // Wait for the sweep to start (its first line), then press Ctrl-C inside the idle phase.
    var text = ""
    let deadline = Date().addingTimeInterval(15)
    while !text.contains("writing") && Date() < deadline {
      text += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
    }
    usleep(300_000)
    kill(p.processIdentifier, SIGINT)
    let started = Date()
    p.waitUntilExit()
    text += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(p.terminationStatus == 130, "\(text)")
    #expect(text.contains("calibration interrupted; nothing written"))
    // The load generator looks at the flag at least every 0.1 s.
    #expect(Date().timeIntervalSince(started) < 3)
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
