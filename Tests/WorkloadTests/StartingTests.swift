import Foundation
import Testing
import Workload

/// A program that cannot start is an error naming it; nothing runs.
@Suite struct StartingTests {
  @Test func aMissingProgramIsNamed() {
    #expect(throws: CommandError.notFound(program: "no-such-program-joule", searched: "/usr/bin:/bin")) {
      var c = Command(["no-such-program-joule", "--flag"])
      c.environment = ["PATH": "/usr/bin:/bin"]
      _ = try CommandRunner().run(c)
    }
    let error = CommandError.notFound(program: "no-such-program-joule", searched: "/usr/bin:/bin")
    #expect(error.description == "program 'no-such-program-joule' not found (searched PATH: /usr/bin:/bin)")
  }

  @Test func aFileThatIsNotExecutableIsNamed() throws {
    let path = NSTemporaryDirectory() + "joule-not-executable-\(getpid()).sh"
    try "echo hi\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: CommandError.notExecutable(program: path, path: path)) {
      _ = try CommandRunner().run(Command([path]))
    }
  }

  @Test func aMissingWorkingDirectoryAndAnEmptyListAreErrors() {
    var c = Command(["true"])
    c.workingDirectory = "/no/such/dir"
    #expect(throws: CommandError.badWorkingDirectory("/no/such/dir")) { _ = try CommandRunner().run(c) }
    #expect(throws: CommandError.emptyArguments) { _ = try CommandRunner().run(Command([])) }
  }

  @Test func aRelativeProgramIsFoundInTheWorkingDirectory() throws {
    var c = Command(["./sh"])
    c.workingDirectory = "/bin"
    c.input = .bytes(Array("echo relative".utf8))
    #expect(try CommandRunner().run(c).stdout.text == "relative\n")
  }
}

extension StartingTests {
  @Test func aFileInTheWorkingDirectoryIsSuggestedWithDotSlash() {
    var c = Command(["sh"])
    c.workingDirectory = "/bin"
    c.environment = ["PATH": "/nonexistent"]
    #expect(throws: CommandError.notFoundButLocal(program: "sh")) { _ = try CommandRunner().run(c) }
  }
}
