import Foundation
import Plot
import Testing

@Suite(.serialized) struct PlotRenderingTests {
  @Test func savingPNGWritesARealPNGAndItsScript() throws {
    let dir = PlotFixtures.scratch("png")
    let path = dir.appendingPathComponent("tradeoff.png").path
    let written = try PlotRenderer.save(PlotFixtures.tradeoff, to: path)
    #expect(written == [path, dir.appendingPathComponent("tradeoff.gp").path])
    let png = PlotFixtures.bytes(path)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(png.count > 10_000)
    let script = try String(contentsOfFile: written[1], encoding: .utf8)
    #expect(script.contains("$joule_p1_s1 << EOD"))
    #expect(script.contains("set output 'tradeoff.png'"))
    #expect(script.contains("Pareto front"))
  }

  @Test func savingSVGWritesAnSVGDocumentWithTheLabels() throws {
    let dir = PlotFixtures.scratch("svg")
    let path = dir.appendingPathComponent("nested/more/tradeoff.svg").path
    try PlotRenderer.save(PlotFixtures.tradeoff, to: path)
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("</svg>"))
    #expect(svg.contains("energy (J)"))
    #expect(svg.utf8.count > 5_000)
  }

  /// A notebook run draws the same figures in the same order in a fresh joule, so its files
  /// must come out byte for byte the same: no timestamps, nothing random. (gnuplot's svg
  /// terminal keeps some drawing state between plots, so the order is part of the promise.)
  @Test func theSameFiguresInTheSameOrderGiveTheSameBytes() throws {
    let dir = PlotFixtures.scratch("stable")
    var bars = Panel(series: [Series(name: "conv", points: [Point(x: 0, y: 2), Point(x: 1, y: 1)])], kind: .bars)
    bars.categories = ["conv1", "conv2"]
    let exe = try GnuplotSession.locateExecutable()
    var files: [[String]] = []
    for run in ["a", "b"] {
      let session = try GnuplotSession(executable: exe)
      var written: [String] = []
      for (i, (spec, ext)) in [(PlotFixtures.tradeoff, "svg"), (PlotSpec(bars), "svg"), (PlotFixtures.tradeoff, "png"),
                               (PlotFixtures.tradeoff, "svg")].enumerated() {
        let path = dir.appendingPathComponent("\(run)\(i).\(ext)").path
        try PlotRenderer.save(spec, to: path, session: session)
        written.append(path)
      }
      files.append(written)
    }
    for (a, b) in zip(files[0], files[1]) {
      #expect(PlotFixtures.bytes(a) == PlotFixtures.bytes(b), "output changes between runs: \(a) \(b)")
    }
  }

  @Test func savedScriptsReRenderAfterTheFigureIsGone() throws {
    let dir = PlotFixtures.scratch("rerender")
    let png = dir.appendingPathComponent("fig.png").path
    try PlotRenderer.save(PlotFixtures.tradeoff, to: png)
    try FileManager.default.removeItem(atPath: png)
    let out = dir.appendingPathComponent("out")
    let pdf = try PlotRenderer.rerender(script: dir.appendingPathComponent("fig.gp").path, as: .pdf, into: out.path)
    #expect(pdf == out.appendingPathComponent("fig.pdf").path)
    #expect(Array(PlotFixtures.bytes(pdf).prefix(5)) == Array("%PDF-".utf8))
    let again = try PlotRenderer.rerender(script: dir.appendingPathComponent("fig.gp").path, as: .png)
    #expect(PlotFixtures.bytes(again).count > 10_000)
  }

  @Test func textPreviewDrawsAxesWithCharacters() throws {
    let text = try PlotRenderer.textPreview(PlotFixtures.tradeoff, width: 70, height: 20)
    let lines = text.split(separator: "\n")
    #expect(lines.count >= 15 && lines.count <= 20)
    #expect(lines.allSatisfy { $0.count <= 70 })
    #expect(text.contains("+-----"))
    #expect(text.contains("energy vs accuracy"))
  }

  @Test func barsWithCategoriesRender() throws {
    var panel = Panel(series: [
      Series(name: "conv", points: [Point(x: 0, y: 3.5), Point(x: 2, y: 1.25)]),
      Series(name: "linear", points: [Point(x: 1, y: 0.5)]),
    ], kind: .bars, ylabel: "energy (J, estimated)")
    panel.categories = ["conv1", "fc1", "conv2"]
    let text = try PlotRenderer.textPreview(PlotSpec(panel), width: 80, height: 24)
    #expect(text.contains("conv1"))
  }

  @Test func emptyDataIsAClearErrorNotAGnuplotCrash() {
    let spec = PlotSpec(Panel(series: [Series(name: "a", points: [Point(x: .nan, y: 1)])]))
    #expect(throws: GnuplotError.self) { try PlotRenderer.textPreview(spec, width: 60, height: 20) }
  }

  @Test func anUnknownExtensionIsRefused() {
    #expect(throws: GnuplotError.self) {
      try PlotRenderer.save(PlotFixtures.tradeoff, to: PlotFixtures.scratch("ext").appendingPathComponent("x.bmp").path)
    }
  }
}
