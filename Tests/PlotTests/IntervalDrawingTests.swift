import Foundation
import Plot
import Testing

@Suite(.serialized) struct IntervalDrawingTests {
  func series(_ name: String, _ scale: Double) -> Series {
    Series(name: name, points: (1...6).map { i in
      let y = Double(i) * 10 * scale
      return Point(x: Double(i), y: y, yInterval: (y * 0.75)...(y * 1.3))
    })
  }

  @Test func pointsWithAnIntervalDrawErrorBarsThatGnuplotRenders() throws {
    let spec = PlotSpec(Panel(series: [series("a", 1), series("b", 1.4)], kind: .points, ylabel: "energy (J, estimated)"))
    let dir = PlotFixtures.scratch("errorbars")
    let path = dir.appendingPathComponent("bars.png").path
    let written = try PlotRenderer.save(spec, to: path)
    let gp = try String(contentsOfFile: written[1], encoding: .utf8)
    #expect(gp.contains("$joule_p1_s1 using 1:2:3:4 with yerrorbars"))
    // The data block carries x, y, low, high: 10 J with 7.5–13 J.
    #expect(gp.contains("\n1 10 7.5 13\n"))
    #expect(Array(PlotFixtures.bytes(path).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(PlotFixtures.bytes(path).count > 10_000)
  }

  @Test func linesWithAnIntervalDrawABandUnderTheLine() throws {
    let spec = PlotSpec(Panel(series: [series("a", 1)], kind: .lines))
    let dir = PlotFixtures.scratch("band")
    let written = try PlotRenderer.save(spec, to: dir.appendingPathComponent("band.svg").path)
    let gp = try String(contentsOfFile: written[1], encoding: .utf8)
    let band = try #require(gp.range(of: "using 1:3:4 with filledcurves"))
    let line = try #require(gp.range(of: "using 1:2 with lines"))
    #expect(band.lowerBound < line.lowerBound)
    let svg = try String(contentsOfFile: written[0], encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("fill-opacity"))
  }

  @Test func anIntervalOnXDrawsHorizontalBars() throws {
    let s = Series(name: "", points: [Point(x: 100, y: 0.8, xInterval: 80...130), Point(x: 200, y: 0.85)])
    let gp = try GnuplotScript(PlotSpec(Panel(series: [s], kind: .points))).text(terminal: "set terminal dumb", output: nil)
    #expect(gp.contains("using 1:2:3:4 with xerrorbars"))
    // A point without an interval gets a bar of no length.
    #expect(gp.contains("\n200 0.85 200 200\n"))
  }

  @Test func seriesWithoutIntervalsAreDrawnAsBefore() throws {
    let s = Series(name: "", points: [Point(x: 1, y: 2), Point(x: 2, y: 3)])
    let gp = try GnuplotScript(PlotSpec(Panel(series: [s], kind: .lines))).text(terminal: "set terminal dumb", output: nil)
    #expect(!gp.contains("filledcurves") && !gp.contains("errorbars"))
    #expect(gp.contains("\n1 2\n"))
  }

  @Test func aBoundBelowZeroOnALogAxisShrinksToTheValue() throws {
    var panel = Panel(series: [Series(name: "", points: [Point(x: 1, y: 5, yInterval: -1...9), Point(x: 2, y: 6)])], kind: .points)
    panel.logy = true
    let gp = try GnuplotScript(PlotSpec(panel)).text(terminal: "set terminal dumb", output: nil)
    #expect(gp.contains("\n1 5 5 9\n"))
  }

  @Test func theTextPreviewDrawsBandsAndBars() throws {
    for kind in [PlotKind.lines, .points, .bars] {
      let text = try PlotRenderer.textPreview(PlotSpec(Panel(series: [series("a", 1)], kind: kind)), width: 70, height: 20)
      #expect(text.contains("+-----"))
    }
  }
}
