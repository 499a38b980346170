import Foundation
import Testing
import TestSupport

/// Files that are not UTF-8 text are refused with the offending byte and where it is.
@Suite struct SourceEncodingTests {
  @Test func aLatin1ScriptFailsWithTheByteAndItsPositionAndExit65() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("latin1.joule")
    // Line 3, column 7 holds 0xFF.
    let bytes: [UInt8] = Array("x = 1\ny = 2\nprint(".utf8) + [0xFF] + Array(")\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    for command in ["run", "check"] {
      let r = try JouleBinary.run([command, path])
      #expect(r.status == 65, "\(command): \(r.stderr)")
      #expect(r.stderr.contains("\(path) is not UTF-8 text (invalid byte 0xFF at line 3, column 7)"), "\(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
  }

  @Test func aBinaryFileIsRefusedBeforeAnythingRuns() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("data.joule")
    try Data(Array("print(1)\n".utf8) + [0, 1, 2]).write(to: URL(fileURLWithPath: path))
    let r = try JouleBinary.run(["run", path])
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty, "it ran: \(r.stdout)")
    #expect(r.stderr.contains("invalid byte 0x00 at line 2, column 1"), "\(r.stderr)")
  }

  @Test func pipedInputThatIsNotUTF8IsRefusedWithExit65() throws {
    let p = Process()
    p.executableURL = JouleBinary.url
    let input = Pipe(), output = Pipe(), errors = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = errors
    try p.run()
    input.fileHandleForWriting.write(Data(Array("print(1)\nx = \"".utf8) + [0xFF] + Array("\"\n".utf8)))
    try input.fileHandleForWriting.close()
    let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 65)
    #expect(out.isEmpty, "it ran: \(out)")
    #expect(err.contains("<stdin> is not UTF-8 text (invalid byte 0xFF at line 2, column 6)"), "\(err)")
  }
}
