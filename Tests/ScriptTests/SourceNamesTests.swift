import Script
import Testing

/// The names an input reads and writes, as `:save` sees them.
@Suite struct SourceNamesTests {
  @Test func anAssignmentWritesItsTargetAndReadsItsValue() throws {
    let n = try #require(SourceNames.of("rb = train(m, d, epochs: 2)"))
    #expect(n.writes == ["rb"])
    #expect(n.reads == ["train", "m", "d"])
  }

  @Test func fieldsAndKeywordsAreNotVariables() throws {
    let n = try #require(SourceNames.of("x = {lr: r.lr, batch: 64}"))
    #expect(n.reads == ["r"])
    #expect(n.writes == ["x"])
  }

  @Test func interpolatedCodeIsRead() throws {
    let n = try #require(SourceNames.of("print(\"acc {run.accuracy:.3f}\")"))
    #expect(n.reads == ["print", "run"])
  }

  @Test func functionsLoopsAndCompoundAssignmentsWriteAtTheTopLevelOnly() throws {
    let n = try #require(SourceNames.of("fn sq(v) { w = v * v\n w }\nfor i in xs { total += i }\nk += 1"))
    #expect(n.writes == ["sq", "i", "k"])
    #expect(n.reads.isSuperset(of: ["xs", "total", "k", "v", "w"]))
  }

  @Test func anInputThatDoesNotScanHasNoNames() {
    #expect(SourceNames.of("x = \"open") == nil)
  }
}
