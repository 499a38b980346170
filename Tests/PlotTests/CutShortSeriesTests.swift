import Plot
import Testing

/// Pruned trials are drawn with their own marker and never join a Pareto front, however good
/// their point looks: a run cut short did not buy its accuracy at that price.
@Test func aCutShortSeriesIsMarkedAndLeftOffTheParetoFront() throws {
  let finished = Series(name: "", points: [Point(x: 100, y: 0.80), Point(x: 300, y: 0.90)])
  // Cheap and fairly accurate because it stopped early: it would dominate the 100 J run.
  let pruned = Series(name: "pruned (cut short)", points: [Point(x: 20, y: 0.85)], cutShort: true)
  var panel = Panel(series: [finished, pruned], kind: .points)
  panel.pareto = .minimizeXMaximizeY
  let text = try GnuplotScript(PlotSpec(panel)).text(terminal: "set terminal dumb size 80, 24", output: nil)
  let lines = text.split(separator: "\n").map(String.init)
  let start = try #require(lines.firstIndex { $0.hasSuffix("_pareto << EOD") })
  let end = try #require(lines[start...].firstIndex { $0 == "EOD" })
  let front = Array(lines[(start + 1)..<end])
  #expect(front == ["100 0.8", "300 0.9"])
  #expect(text.contains("pt 8"))
  #expect(text.contains("'pruned (cut short)'"))
}
