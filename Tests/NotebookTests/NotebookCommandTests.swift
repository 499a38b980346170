import Foundation
import Testing
import TestSupport

/// `joule run` and `joule export` on notebooks, through the real executable and real gnuplot.
@Suite(.serialized) struct NotebookCommandTests {
  static func project(_ notebook: String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("joule-nbcmd-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    try notebook.write(to: root.appendingPathComponent("notebooks/x.jnb"), atomically: true, encoding: .utf8)
    return root
  }

  static let working = """
    # %% [markdown]
    # # Runs
    # %% data
    runs = [{model: "small", energy_j: 100, accuracy: 0.8}, {model: "big", energy_j: 400, accuracy: 0.86}]
    runs
    # %% tradeoff
    tradeoff(runs, by: "model")
    """

  @Test func runWritesTheReportAndRealFigures() throws {
    let root = try Self.project(Self.working)
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(r.status == 0, "\(r.stderr)")
    let md = try String(contentsOf: root.appendingPathComponent("notebooks/x.md"), encoding: .utf8)
    #expect(md.contains("| small | 100 | 0.80 |"))
    #expect(md.contains("![tradeoff-1](../plots/x/tradeoff-1.png)"))
    #expect(md.contains("| joule | "))
    #expect(md.contains("| energy sources | "))
    let png = try Data(contentsOf: root.appendingPathComponent("plots/x/tradeoff-1.png"))
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(png.count > 10_000)
    let svg = try String(contentsOf: root.appendingPathComponent("plots/x/tradeoff-1.svg"), encoding: .utf8)
    #expect(svg.contains("<svg") && svg.utf8.count > 5_000)

    // A second run leaves the same figures, byte for byte: diffs stay small.
    let again = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(again.status == 0)
    #expect(try Data(contentsOf: root.appendingPathComponent("plots/x/tradeoff-1.png")) == png)
  }

  @Test func anErrorMidWayWritesThePartialReportAndExitsWith70() throws {
    let root = try Self.project("""
      # %% first
      print("first ran")
      # %% broken
      plot([{a: 1}], x: "a", y: "nope")
      # %% after
      print("after ran")
      """)
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root)
    #expect(r.status == 70)
    #expect(r.stderr.contains("x.jnb:4:"))
    let md = try String(contentsOf: root.appendingPathComponent("notebooks/x.md"), encoding: .utf8)
    #expect(md.contains("first ran"))
    #expect(md.contains("no column 'nope'"))
    #expect(md.contains("*Not run: an earlier cell failed.*"))
    #expect(!md.contains("```text\nafter ran"))
  }

  @Test func exportReRendersFiguresAfterTheDataIsGone() throws {
    let root = try Self.project(Self.working)
    #expect(try JouleBinary.run(["run", "notebooks/x.jnb"], directory: root).status == 0)
    // The notebook and its report are gone; the .gp scripts carry the data.
    try FileManager.default.removeItem(at: root.appendingPathComponent("notebooks/x.md"))
    try "# %% gone\nnothing_here()\n".write(to: root.appendingPathComponent("notebooks/x.jnb"), atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: root.appendingPathComponent("plots/x/tradeoff-1.png"))
    let r = try JouleBinary.run(["export", "notebooks/x.jnb", "--format", "pdf", "--to", "out"], directory: root)
    #expect(r.status == 0, "\(r.stderr)")
    let pdf = try Data(contentsOf: root.appendingPathComponent("out/tradeoff-1.pdf"))
    #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    #expect(pdf.count > 5_000)
    let png = try JouleBinary.run(["export", "notebooks/x.jnb", "--format", "png"], directory: root)
    #expect(png.status == 0)
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("plots/x/tradeoff-1.png").path))
  }

  @Test func missingGnuplotIsAClearErrorInTheReport() throws {
    let root = try Self.project(Self.working)
    let r = try JouleBinary.run(["run", "notebooks/x.jnb"], environment: ["JOULE_GNUPLOT": "/nonexistent/gnuplot"], directory: root)
    #expect(r.status == 70)
    let md = try String(contentsOf: root.appendingPathComponent("notebooks/x.md"), encoding: .utf8)
    #expect(md.contains("gnuplot-nox"))
    // The cell before the figure still shows its result.
    #expect(md.contains("| small | 100 | 0.80 |"))
  }
}
