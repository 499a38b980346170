import Foundation
import Testing
import TestSupport

/// `joule study` and `joule studies` pass what the user typed as data: a name or a store URL is
/// never read as joule source, where `{...}` would interpolate.
@Suite(.serialized) struct StudyCommandTests {
  @Test func aStudyNameWithBracesIsLookedUpAsWritten() throws {
    let folder = try TemporaryFolder()
    let script = try folder.write("make.joule", """
      tune(fn(p) { p.x }, space(x: uniform(0, 1)), strategy: "random", trials: 2, maximize: "value",
           study: "a\\{b\\}", store: "s.sqlite")
      """)
    let made = try JouleBinary.run(["run", script])
    #expect(made.status == 0, "\(made.stderr)")
    let r = try JouleBinary.run(["study", "a{b}", "--store", folder.path("s.sqlite")])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("a{b}"), "\(r.stdout)")
    let list = try JouleBinary.run(["studies", "--store", folder.path("s.sqlite")])
    #expect(list.status == 0 && list.stdout.contains("a{b}"), "\(list.stdout)\(list.stderr)")
  }

  @Test func codeInAStudyNameIsNeverRun() throws {
    let folder = try TemporaryFolder()
    _ = try JouleBinary.run(["run", try folder.write("make.joule", """
      tune(fn(p) { p.x }, space(x: uniform(0, 1)), strategy: "random", trials: 1, maximize: "value",
           study: "real", store: "s.sqlite")
      """)])
    let r = try JouleBinary.run(["study", "x{print(\"INJECTED\")}", "--store", folder.path("s.sqlite")])
    #expect(r.status == 70)
    #expect(!r.stdout.contains("INJECTED") && !r.stderr.contains("INJECTED\n"))
    #expect(r.stderr.contains("no study 'x{print(\"INJECTED\")}'"), "\(r.stderr)")
  }

  @Test func aStoreURLWithQuotesAndBracesIsPassedAsIs() throws {
    let r = try JouleBinary.run(["studies", "--store", "/nonexistent/\"q\"{1}.sqlite"])
    #expect(r.status == 70)
    #expect(r.stderr.contains("/nonexistent/\"q\"{1}.sqlite"), "\(r.stderr)")
  }
}
