import Foundation
import Testing
import TestSupport

/// The analyst's path through `joule run` on notebooks: every figure shown, failures that
/// stop the notebook where they happen, no crash on a huge expression.
@Suite(.serialized) struct NotebookAnalystPathTests {
  func report(_ root: URL) throws -> String {
    try String(contentsOf: root.appendingPathComponent("notebooks/x.md"), encoding: .utf8)
  }

  @Test func aCellWithTwoPlotsShowsBothFiguresInOrderThenItsValue() throws {
    let root = try NotebookCommandTests.project("""
      # %% figs
      runs = [{model: "a", energy_j: 100, accuracy: 0.8}, {model: "b", energy_j: 400, accuracy: 0.86},
              {model: "a", energy_j: 120, accuracy: 0.79}, {model: "b", energy_j: 380, accuracy: 0.87}]
      plot(runs, x: "energy_j", y: "accuracy")
      compare(runs, by: "model", metric: "energy_j")
      p = plot(runs, x: "accuracy", y: "energy_j")
      len(runs)
      """)
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(r.status == 0, "\(r.stderr)")
    let md = try report(root)
    let first = try #require(md.range(of: "![figs-1](../plots/x/figs-1.png)"))
    let second = try #require(md.range(of: "![figs-2](../plots/x/figs-2.png)"))
    #expect(first.upperBound <= second.lowerBound)
    // The dropped compare() stays silent; the value comes last.
    #expect(!md.contains("kruskal") && !md.contains("Kruskal"))
    let value = try #require(md.range(of: "4", range: second.upperBound..<md.endIndex))
    #expect(value.lowerBound > second.upperBound)
    #expect(!md.contains("figs-3"))
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("plots/x/figs-2.png").path))
  }

  @Test func aNotebookHoldingA200000TermExpressionEndsWithItsResult() throws {
    let sum = Array(repeating: "1", count: 200_000).joined(separator: " + ")
    let root = try NotebookCommandTests.project("# %% long\nx = \(sum)\nprint(\"sum {x}\")\n")
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(r.status == 0, "\(r.stderr.prefix(2000))")
    #expect(try report(root).contains("sum 200000"))
    let check = try JouleBinary.run(["check", "notebooks/x.jnb"], directory: root)
    #expect(check.status == 0, "\(check.stderr.prefix(2000))")
  }

  @Test func aNotebookWithAnErrorInAHugeLineShowsAShortExcerpt() throws {
    let sum = Array(repeating: "1", count: 50_000).joined(separator: " + ")
    let root = try NotebookCommandTests.project("# %% long\nx = \(sum) + nope\n")
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(r.status == 70)
    #expect(r.stderr.contains("undefined variable 'nope'"))
    #expect(r.stderr.count < 2_000, "\(r.stderr.count) characters of error")
  }

  @Test func anExperimentThatKeepsFailingFailsItsCellWithTheFirstErrorsLine() throws {
    let root = try NotebookCommandTests.project("""
      # %% runs
      fn run(r) {
        {a: 1} + {b: r.conv}
      }
      e = experiment(run, factors: {conv: [1, 4]}, repeat: 3)
      # %% next
      print("next cell " + "ran")
      """)
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(r.status == 70, "\(r.stderr)")
    // The position is the failing line inside the function, not the experiment() call.
    #expect(r.stderr.contains("x.jnb:3:"), "\(r.stderr)")
    #expect(r.stderr.contains("error: experiment stopped after 3 trials in a row failed: cannot add record and record"),
            "\(r.stderr)")
    let md = try report(root)
    #expect(!md.contains("next cell ran"))
  }
}
