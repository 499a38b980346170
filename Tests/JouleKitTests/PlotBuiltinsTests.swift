import Foundation
import JouleKit
import Script
import Testing

/// An output sink that keeps what builtins display, for `show`.
private final class DisplayLog: OutputSink {
  var shown: [Value] = []
  func write(_ text: String) {}
  func display(_ value: Value) { shown.append(value) }
}

/// A study as Tune hands it over: a host object with `trials` and a strategy name.
private final class FakeStudy: HostObject {
  let strategy: String
  let trials: [Record]
  init(_ strategy: String, _ trials: [Record]) {
    self.strategy = strategy
    self.trials = trials
  }
  var typeName: String { "study" }
  var fieldNames: [String] { ["strategy", "direction", "trials"] }
  func field(_ name: String) -> Value? {
    switch name {
    case "strategy": return .string(strategy)
    case "direction": return .string("maximize")
    case "trials": return .table(trials)
    default: return nil
    }
  }
}

private func trial(_ acc: Double, _ joules: Double, estimated: Bool = true) -> Record {
  Record([("accuracy", .float(acc)), ("energy_j", .float(joules)), ("energy_estimated", .bool(estimated))])
}

private struct Session {
  let folder: URL
  let log = DisplayLog()
  let interpreter: Interpreter

  init(_ name: String) {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("joule-plotbuiltins-\(getpid())-\(name)-\(UUID().uuidString.prefix(6))")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    interpreter = Interpreter(registry: registry, output: log, scriptDirectory: folder.path)
  }

  func run(_ source: String) throws -> Value { try interpreter.run(source, file: "plots.joule") }
  func text(_ relative: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
  }
}

@Suite(.serialized) struct PlotBuiltinsTests {
  @Test func boxplotDrawsABoxPerCategoryAndSeriesWithJitteredPointsWhenFew() throws {
    let s = Session("box")
    _ = try s.run("""
      rows = []
      for i in range(24) { rows += [{conv: [4, 1][i % 2], relu: ["on", "off"][i % 3 % 2], energy_j: 2.5 + i * 0.01}] }
      save(boxplot(rows, x: "conv", y: "energy_j", by: "relu"), "box.png")
      save(boxplot(rows, x: "conv", y: "energy_j", jitter: false), "plain.txt")
      """)
    let gp = try s.text("box.gp")
    // conv 1 comes first although the rows start with 4: numbers sort.
    #expect(gp.contains("set xtics ('1' 0, '4' 1)"))
    #expect(gp.components(separatedBy: "with boxplot").count - 1 == 4)
    #expect(gp.components(separatedBy: "with points").count - 1 == 4)
    #expect(gp.contains("nooutliers"))
    #expect(FileManager.default.fileExists(atPath: s.folder.appendingPathComponent("box.png").path))
    let plain = try s.text("plain.gp")
    #expect(!plain.contains("with points"))
    #expect(try s.text("plain.txt").contains("conv"))
  }

  @Test func tradeoffGroupsByLabelWhenTheRowsHaveOne() throws {
    let s = Session("label")
    _ = try s.run("""
      runs = [{label: "1 conv", energy_j: 10, accuracy: 0.7}, {label: "4 conv", energy_j: 20, accuracy: 0.75}]
      save(tradeoff(runs), "t.png")
      """)
    let gp = try s.text("t.gp")
    #expect(gp.contains("title '1 conv'"))
    #expect(gp.contains("title '4 conv'"))
  }

  @Test func boxplotNamesAMissingColumn() throws {
    let s = Session("box-error")
    #expect(throws: ScriptError.self) { try s.run("boxplot([{conv: 1, energy_j: 2}], x: \"cnov\")") }
  }

  @Test func plotOfATableSavesBesideTheScriptWithItsGnuplotScript() throws {
    let s = Session("table")
    let written = try s.run("""
      runs = [{model: "small", energy_j: 120, accuracy: 0.78}, {model: "big", energy_j: 600, accuracy: 0.85},
              {model: "big", energy_j: 650, accuracy: 0.84}]
      p = plot(runs, x: "energy_j", y: "accuracy", by: "model", title: "runs")
      save(p, "plots/runs.png")
      """)
    #expect(written.shortDescription.contains("plots/runs.gp"))
    let png = try Data(contentsOf: s.folder.appendingPathComponent("plots/runs.png"))
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(png.count > 10_000)
    let gp = try s.text("plots/runs.gp")
    #expect(gp.contains("title 'small'") && gp.contains("title 'big'"))
    // The rows say nothing of their joules: they are this session's, estimated when its meters are.
    #expect(gp.contains("set xlabel 'energy_j\(EnergyWindow.isEstimated ? " (estimated)" : "")'"))
    guard case .host(let h) = try s.run("p"), h.typeName == "plot" else { Issue.record("plot() is not a plot"); return }
    #expect(h.field("series")?.number == 2)
    #expect(h.field("points")?.number == 3)
  }

  @Test func plotsOfEstimatedEnergyDrawTheIntervalAsErrorBarsOrBands() throws {
    let s = Session("interval")
    _ = try s.run("""
      rows = []
      for i in range(6) {
        e = 10 + i * 3
        rows += [{layers: i + 1, energy_j: e, energy_low_j: e * 0.75, energy_high_j: e * 1.3, estimated: true, accuracy: 0.8 + i * 0.01}]
      }
      save(plot(rows, x: "layers", y: "energy_j"), "points.png")
      save(plot(rows, x: "layers", y: "energy_j", kind: "lines"), "lines.png")
      save(plot(rows, x: "energy_j", y: "accuracy"), "tradeoff.png")
      save(plot([{layers: 1, energy_j: 3}, {layers: 2, energy_j: 4}], x: "layers", y: "energy_j"), "measured.png")
      """)
    let points = try s.text("points.gp")
    #expect(points.contains("using 1:2:3:4 with yerrorbars"))
    #expect(points.contains("\n1 10 7.5 13\n"))
    #expect(points.contains("energy_j (estimated)"))
    #expect(try s.text("lines.gp").contains("using 1:3:4 with filledcurves"))
    #expect(try s.text("tradeoff.gp").contains("using 1:2:3:4 with xerrorbars"))
    let measured = try s.text("measured.gp")
    #expect(!measured.contains("errorbars") && !measured.contains("filledcurves"))
  }

  @Test func aStudyPipesIntoPlotAndEstimatedJoulesAreLabelled() throws {
    let s = Session("study")
    let study = FakeStudy("bayes", [trial(0.7, 50), trial(0.8, 90), trial(0.75, 200)])
    let registry = s.interpreter.registry
    registry.register(Builtin("fake_study", doc: "test study") { _, _ in .host(study) })
    _ = try s.run("""
      fake_study() |> plot(x: "energy_j", y: "accuracy", pareto: true) |> save("study.svg")
      """)
    let gp = try s.text("study.gp")
    #expect(gp.contains("set xlabel 'energy_j (estimated)'"))
    #expect(gp.contains("Pareto front"))
    let svg = try s.text("study.svg")
    #expect(svg.contains("<svg") && svg.contains("(estimated)"))
  }

  @Test func categoryNamesFromDataRunNothing() throws {
    let s = Session("hostile")
    let marker = s.folder.appendingPathComponent("pwned").path
    _ = try s.run("""
      rows = [{g: "`touch \(marker)`", x: 1, y: 2}, {g: "a' . system('touch \(marker)') . '", x: 2, y: 3},
              {g: "b\\nsystem('touch \(marker)')", x: 3, y: 1}]
      save(plot(rows, x: "x", y: "y", by: "g", title: "@g `touch \(marker)`"), "h.png")
      save(layer_energy([{layer: "`touch \(marker)`", kind: "x\\" . system(\\"touch \(marker)\\")", joules: 1}]), "l.svg")
      """)
    #expect(!FileManager.default.fileExists(atPath: marker))
    #expect(FileManager.default.fileExists(atPath: s.folder.appendingPathComponent("l.svg").path))
  }

  @Test func convergenceDrawsBestSoFarByTrialAndByJoules() throws {
    let s = Session("convergence")
    let a = FakeStudy("grid", [trial(0.7, 50), trial(0.65, 60), trial(0.8, 70)])
    let b = FakeStudy("bayes", [trial(0.75, 40), trial(0.82, 45)])
    s.interpreter.registry.register(Builtin("studies", doc: "test") { _, _ in .list([.host(a), .host(b)]) })
    _ = try s.run("st = studies()\nsave(convergence(st[0], st[1]), \"c.png\")")
    let gp = try s.text("c.gp")
    #expect(gp.contains("set multiplot layout 1,2"))
    #expect(gp.contains("cumulative energy (J, estimated)"))
    // grid's best so far by trial: 0.7, 0.7, 0.8; by joules at 50, 110, 180.
    #expect(gp.contains("$joule_p1_s1 << EOD\n1 0.7\n2 0.7\n3 0.8\nEOD"))
    #expect(gp.contains("$joule_p2_s1 << EOD\n50 0.7\n110 0.7\n180 0.8\nEOD"))
    #expect(gp.contains("title 'bayes'"))
  }

  @Test func layerEnergyAndTimelineReadProfileAndMeasureRecords() throws {
    let s = Session("views")
    _ = try s.run("""
      prof = {layers: [{layer: "conv1", kind: "conv", joules: 3.5}, {layer: "relu1", kind: "relu", joules: 0.2},
                       {layer: "conv2", kind: "conv", joules: 2.0}], estimated: true}
      save(layer_energy(prof), "layers.png")
      m = {joules: 10, source: "rapl", estimated: false, timeline: [{t: 0, watts: 20}, {t: 0.1, watts: 35}, {t: 0.2, watts: 30}]}
      save(timeline(m), "power.png")
      """)
    let layers = try s.text("layers.gp")
    #expect(layers.contains("'conv1' 0, 'relu1' 1, 'conv2' 2"))
    #expect(layers.contains("energy (J, estimated)"))
    #expect(layers.contains("with boxes"))
    let power = try s.text("power.gp")
    #expect(power.contains("set ylabel 'power (W)'"))
    #expect(power.contains("power (rapl)"))
  }

  @Test func showHandsTheFigureToTheOutput() throws {
    let s = Session("show")
    _ = try s.run("show(plot([{a: 1, b: 2}], x: \"a\", y: \"b\"))")
    #expect(s.log.shown.count == 1)
    guard case .host(let h)? = s.log.shown.first, let figure = h as? any Figure else { Issue.record("nothing shown"); return }
    #expect(try figure.textPreview(width: 60, height: 15).contains("+---"))
  }

  @Test func badRequestsAreClearErrors() throws {
    let s = Session("errors")
    let cases: [(String, String)] = [
      ("plot([{a: 1, b: 2}], x: \"aa\", y: \"b\")", "did you mean 'a'?"),
      ("plot([{a: 1, b: \"x\"}], x: \"a\", y: \"b\")", "by: \"b\""),
      ("plot([{a: 1, b: 2}], y: \"b\", kind: \"pie\")", "unknown kind 'pie'"),
      ("plot(3, y: \"b\")", "expected a table"),
      ("plot([], y: \"b\")", "empty"),
      ("save(plot([{a: 1, b: 2}], y: \"b\"), \"x.jpeg\")", "use .png, .svg, .pdf or .txt"),
      ("show(1, window: true)", "needs a plot"),
    ]
    for (source, expected) in cases {
      do {
        _ = try s.run(source)
        Issue.record("no error for \(source)")
      } catch {
        #expect("\(error)".contains(expected), "\(source): \(error)")
      }
    }
  }

  @Test func tradeoffDrawsPrunedTrialsApartAndOffTheFront() throws {
    let s = Session("pruned")
    _ = try s.run("""
      rows = [{energy_j: 100, accuracy: 0.8, state: "complete", estimated: false},
              {energy_j: 300, accuracy: 0.9, state: "complete", estimated: false},
              {energy_j: 20, accuracy: 0.85, state: "pruned", estimated: false}]
      save(tradeoff(rows), "tradeoff.svg")
      """)
    let gp = try s.text("tradeoff.gp")
    #expect(gp.contains("'pruned (cut short)'"))
    let lines = gp.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex { $0.hasSuffix("_pareto << EOD") })
    let end = try #require(lines[start...].firstIndex { $0 == "EOD" })
    #expect(Array(lines[(start + 1)..<end]) == ["100 0.8", "300 0.9"])
    // Rows that say they were measured get no "(estimated)".
    #expect(!gp.contains("estimated"))
  }

  @Test func rowsThatSayNothingAboutTheirJoulesAreLabelledAsThisMachinesMeters() throws {
    let s = Session("unlabelled")
    // A table built from runs without copying `estimated`: the session's meters decide.
    _ = try s.run("""
      save(tradeoff([{energy_j: 10, accuracy: 0.8}, {energy_j: 20, accuracy: 0.9}]), "t.svg")
      """)
    let gp = try s.text("t.gp")
    #expect(gp.contains("(J, estimated)") == EnergyWindow.isEstimated)
  }
}
