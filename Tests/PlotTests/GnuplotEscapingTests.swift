import Foundation
import Plot
import Testing

/// Text from users and data must never run a gnuplot command: each hostile string below would
/// create the marker file if gnuplot executed any part of it.
@Suite(.serialized) struct GnuplotEscapingTests {
  static func hostile(_ marker: String) -> [String] {
    [
      "`touch \(marker)`",
      "x\" . system(\"touch \(marker)\") . \"",
      "x' . system('touch \(marker)') . '",
      "a\nsystem(\"touch \(marker)\")",
      "a\r! touch \(marker)",
      "@joule_macro",
      "'''a' . system('touch \(marker)') . '",
      "x'''' . system('touch \(marker)') . ''''",
      "it's \\' `touch \(marker)` '' \"",
      "{/Symbol a}^2_x & @ ~",
      "EOD\nsystem('touch \(marker)')",
    ]
  }

  @Test func hostileLabelsTitlesAndCategoriesRunNothing() throws {
    let dir = PlotFixtures.scratch("hostile")
    let marker = dir.appendingPathComponent("pwned").path
    let gp = try GnuplotSession.shared()
    try gp.run("joule_macro = \"system('touch \(marker)')\"")
    for (i, text) in Self.hostile(marker).enumerated() {
      var panel = Panel(series: [
        Series(name: text, points: [Point(x: 0, y: 1), Point(x: 1, y: 2)]),
        Series(name: "b" + text, points: [Point(x: 1, y: 3)]),
      ], kind: .bars, title: text, xlabel: text, ylabel: text)
      panel.categories = [text, text + "2"]
      panel.pareto = .minimizeXMaximizeY
      let spec = PlotSpec(panels: [panel, panel], title: text)
      try PlotRenderer.save(spec, to: dir.appendingPathComponent("h\(i).svg").path)
      _ = try PlotRenderer.textPreview(spec, width: 80, height: 24)
      #expect(!FileManager.default.fileExists(atPath: marker), "ran a command from: \(text.debugDescription)")
    }
    // The saved scripts are safe to run on their own, too.
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try GnuplotSession.locateExecutable())
    p.arguments = (0..<Self.hostile(marker).count).map { "h\($0).gp" }
    p.currentDirectoryURL = dir
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test func quotingKeepsTheTextAndTurnsApostrophesTypographic() {
    #expect(GnuplotText.quote("it's") == "'it\u{2019}s'")
    #expect(GnuplotText.quote("a\nb\tc") == "'a b c'")
    #expect(GnuplotText.quote("`x` @y \"z\"") == "'`x` @y \"z\"'")
  }
}

@Test func dataNumbersAreShortAndReadBackByGnuplot() {
  #expect(GnuplotText.number(2) == "2")
  #expect(GnuplotText.number(0.1) == "0.1")
  #expect(GnuplotText.number(1.0 / 3) == "0.3333333333")
  #expect(GnuplotText.number(-2.5e-7) == "-2.5e-07")
}
