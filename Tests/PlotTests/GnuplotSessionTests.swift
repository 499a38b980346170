import Foundation
import Plot
import Testing

@Suite(.serialized) struct GnuplotSessionTests {
  @Test func aRejectedCommandBecomesAnErrorAndTheSessionGoesOn() throws {
    let gp = try GnuplotSession.shared()
    do {
      try gp.run("plot nosuchfunction(x)")
      Issue.record("gnuplot accepted an undefined function")
    } catch let error as GnuplotError {
      guard case .gnuplot(let code, let message) = error else { Issue.record("wrong error \(error)"); return }
      #expect(code != 0)
      #expect(message.contains("undefined function"))
    }
    // `reset errors` ran: the next command sees a clean state.
    let said = try gp.run("print 6*7")
    #expect(said.contains("42"))
  }

  @Test func theSessionIsOnePersistentProcess() throws {
    let a = try GnuplotSession.shared()
    try a.run("joule_remembered = 17")
    let b = try GnuplotSession.shared()
    #expect(a === b)
    #expect(try b.run("print joule_remembered").contains("17"))
  }

  @Test func missingGnuplotNamesTheDebianPackage() {
    #expect(throws: GnuplotError.self) { try GnuplotSession.locateExecutable(environment: ["PATH": "/nonexistent"]) }
    do {
      _ = try GnuplotSession.locateExecutable(environment: ["PATH": "/usr/bin", "JOULE_GNUPLOT": "/nonexistent/gnuplot"])
      Issue.record("found a gnuplot that does not exist")
    } catch {
      #expect("\(error)".contains("gnuplot-nox"))
      #expect("\(error)".contains("/nonexistent/gnuplot"))
    }
  }

  @Test func aProgramThatIsNotGnuplotIsReportedNotHung() {
    // `true` exits at once: the session must notice the end of its output, not wait forever.
    #expect(throws: GnuplotError.self) { _ = try GnuplotSession(executable: "/bin/true") }
  }
}
