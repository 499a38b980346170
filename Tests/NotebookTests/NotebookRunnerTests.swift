import Foundation
import Notebook
import Script
import Testing

/// A figure that writes a small file instead of calling gnuplot: the runner's job is naming,
/// placing and linking figures (real rendering is tested in PlotTests and end to end).
final class StubFigure: Figure {
  var typeName: String { "plot" }
  func textPreview(width: Int, height: Int) throws -> String { "stub" }
  func save(to path: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try "figure".write(toFile: path, atomically: true, encoding: .utf8)
    let gp = (path as NSString).deletingPathExtension + ".gp"
    try "# script".write(toFile: gp, atomically: true, encoding: .utf8)
    return [path, gp]
  }
}

/// A table with a note under it, as `compare` gives.
final class NotedTable: Tabular {
  let tableRows: [Record]
  init(rows: [Record]) { tableRows = rows }
  var typeName: String { "table" }
  var tableColumns: [String]? { nil }
  var tableDigits: Int { 4 }
  var tableNotes: [String] { ["a note"] }
  var displayText: String { "table" }
}

enum NotebookFixtures {
  static func registry() -> BuiltinRegistry {
    let r = BuiltinRegistry.core()
    r.register(Builtin("stub_plot", family: "plots", doc: "A stub figure.") { _, _ in .host(StubFigure()) })
    r.register(Builtin("table_of_two", family: "tables", doc: "A table-like host value.") { _, _ in
      .host(NotedTable(rows: [Record([("x", .int(1)), ("y", .float(1.0 / 3))]), Record([("x", .int(2)), ("y", .float(0.5))])]))
    })
    r.register(Builtin("show", [Parameter("value")], family: "plots", doc: "Shows a value.") { args, ctx in
      ctx.output.display(args["value"])
      return .none
    })
    return r
  }

  /// A notebook under a fresh `<tmp>/notebooks/` folder; returns its path.
  static func write(_ text: String, name: String = "nb") throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("joule-nb-\(getpid())-\(UUID().uuidString.prefix(8))")
    let dir = root.appendingPathComponent("notebooks")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("\(name).jnb").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func run(_ text: String) throws -> (NotebookRunner.Run, String) {
    let path = try write(text)
    let run = NotebookRunner(registry: registry()).run(try NotebookDocument(contentsOf: path), paths: NotebookPaths(notebook: path))
    let report = MarkdownReport(run: run, manifest: RunManifest(started: run.started, extra: [("joule", "test")]))
    try report.write()
    return (run, try String(contentsOfFile: run.paths.report, encoding: .utf8))
  }
}

@Test func cellsShareOneSessionAndShowTheirLastValue() throws {
  let (run, md) = try NotebookFixtures.run("""
    # %% [markdown]
    # # Demo
    # %% define
    x = 40
    print("hello")
    # %% use
    [{name: "a", v: x + 2}, {name: "b", v: 1.5}]
    # %% text
    "done"
    """)
  #expect(run.exitCode == 0)
  #expect(run.results.map(\.status) == [.ok, .ok, .ok, .ok])
  #expect(run.results[1].outputs == [.text("hello\n")])
  #expect(run.results[2].outputs == [.table(headers: ["name", "v"], rows: [["a", "42"], ["b", "1.5"]])])
  #expect(run.results[3].outputs == [.value("\"done\"")])
  #expect(md.contains("# Demo"))
  #expect(md.contains("| a | 42 |"))
  #expect(md.contains("```joule\n# %% define\nx = 40"))
  #expect(md.contains("## Run manifest"))
  #expect(md.contains("all 3 code cells ran"))
}

@Test func anErrorMidWayKeepsTheReportMarksLaterCellsAndExitsWith70() throws {
  let (run, md) = try NotebookFixtures.run("""
    # %% first
    print("ran")
    # %% broken
    y = 1
    y + undefined_name
    # %% later
    print("must not run")
    """)
  #expect(run.exitCode == 70)
  guard case .failed(let message) = run.results[1].status else { Issue.record("cell did not fail"); return }
  // The position is the notebook's own line, not the cell's.
  #expect(message.contains("nb.jnb:5:"))
  #expect(message.contains("undefined_name"))
  #expect(run.results[2].status == .notRun)
  #expect(md.contains("ran"))
  #expect(md.contains("**Error:**"))
  #expect(md.contains("*Not run: an earlier cell failed.*"))
  #expect(!md.contains("must not run\n```"))
  #expect(md.contains("stopped at cell 'broken'"))
}

@Test func aSyntaxErrorExitsWith65() throws {
  let (run, _) = try NotebookFixtures.run("# %% a\nx = (1 +\n# %% b\n1\n")
  #expect(run.exitCode == 65)
}

@Test func figuresAreSavedAsLabelNumberBesideTheNotebooksFolder() throws {
  let (run, md) = try NotebookFixtures.run("""
    # %% tradeoff
    show(stub_plot())
    stub_plot()
    # %%
    stub_plot()
    """)
  #expect(run.exitCode == 0)
  let plots = run.paths.figures
  #expect(plots.hasSuffix("/plots/nb"))
  let names = try FileManager.default.contentsOfDirectory(atPath: plots).sorted()
  #expect(names == ["cell-2-1.gp", "cell-2-1.png", "cell-2-1.svg", "tradeoff-1.gp", "tradeoff-1.png", "tradeoff-1.svg",
                    "tradeoff-2.gp", "tradeoff-2.png", "tradeoff-2.svg"])
  #expect(md.contains("![tradeoff-2](../plots/nb/tradeoff-2.png)"))
  #expect(run.paths.figureScripts().count == 3)
}

@Test func theManifestListsSeedsAndPerCellCosts() throws {
  let path = try NotebookFixtures.write("# %% a\nseed = 7\nr = {seed: 11}\n")
  let runner = NotebookRunner(registry: NotebookFixtures.registry())
  runner.meter = { { CellEnergy(energyJ: 2.5, estimated: true, source: "estimate(specpower-package)", lowJ: 2.1, highJ: 4.2) } }
  let run = runner.run(try NotebookDocument(contentsOf: path), paths: NotebookPaths(notebook: path))
  let md = MarkdownReport(run: run, manifest: RunManifest(started: run.started)).markdown
  #expect(md.contains("| seeds | 7, 11 (as written in the code) |"))
  #expect(md.contains("| cell | status | seconds | joules (estimated) | 80% interval |"))
  #expect(md.contains("| a | ok |"))
  #expect(md.contains("| 2.5 | 2.1–4.2 |"))
  #expect(run.results[0].energy?.source == "estimate(specpower-package)")
  #expect(md.contains("| machine | "))
}

@Test func aMeasuredRunHasNoIntervalColumn() throws {
  let path = try NotebookFixtures.write("# %% a\nx = 1\n")
  let runner = NotebookRunner(registry: NotebookFixtures.registry())
  runner.meter = { { CellEnergy(energyJ: 3, estimated: false, source: "rapl") } }
  let run = runner.run(try NotebookDocument(contentsOf: path), paths: NotebookPaths(notebook: path))
  let md = MarkdownReport(run: run, manifest: RunManifest(started: run.started)).markdown
  #expect(md.contains("| cell | status | seconds | joules |\n"))
  #expect(!md.contains("80% interval"))
}

@Test func floatsInsideValuesShowFourSignificantDigitsAsInTheRepl() throws {
  let (run, md) = try NotebookFixtures.run("# %% r\n{energy_j: 28.50667866833401, n: 3, tags: [\"a\", 0.1]}\n# %% x\n1 / 3\n")
  #expect(run.results[0].outputs == [.value("{energy_j: 28.51, n: 3, tags: [\"a\", 0.1]}")])
  #expect(run.results[1].outputs == [.value("0.3333")])
  #expect(md.contains("{energy_j: 28.51, n: 3"))
}

@Test func aSyntaxErrorInTheLastCellStopsTheRunBeforeAnyCellRuns() throws {
  let marker = FileManager.default.temporaryDirectory.appendingPathComponent("joule-failfast-\(getpid()).txt").path
  try? FileManager.default.removeItem(atPath: marker)
  let (run, md) = try NotebookFixtures.run("""
    # %% slow
    write_json("\(marker)", {ran: true})
    # %% middle
    print("no")
    # %% last
    x = (1 +
    """)
  #expect(run.exitCode == 65)
  #expect(!FileManager.default.fileExists(atPath: marker))
  #expect(run.results[0].status == .notRun)
  #expect(run.results[1].status == .notRun)
  guard case .failed(let message) = run.results[2].status else { Issue.record("last cell did not fail"); return }
  #expect(message.contains("nb.jnb:6:"))
  #expect(md.contains("**Error:**"))
}

@Test func tableLikeHostValuesBecomeMarkdownTablesWithTheirNotes() throws {
  let (run, _) = try NotebookFixtures.run("# %% t\ntable_of_two()\n")
  #expect(run.results[0].outputs.count == 2)
  #expect(run.results[0].outputs.first == .table(headers: ["x", "y"], rows: [["1", "0.3333"], ["2", "0.5000"]]))
  #expect(run.results[0].outputs.last == .value("a note"))
}
