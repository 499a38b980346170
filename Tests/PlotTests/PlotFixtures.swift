import Foundation
import Plot

/// Shared helpers for the plot tests: a scratch folder and small specifications.
enum PlotFixtures {
  static func scratch(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("joule-plot-tests-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Energy vs accuracy for three model sizes, as the trade-off view draws them.
  static var tradeoff: PlotSpec {
    var panel = Panel(series: [
      Series(name: "small", points: [Point(x: 120, y: 0.78), Point(x: 150, y: 0.80)]),
      Series(name: "large", points: [Point(x: 400, y: 0.86), Point(x: 380, y: 0.83), Point(x: 900, y: 0.85)]),
    ], kind: .points, title: "energy vs accuracy", xlabel: "energy (J)", ylabel: "accuracy")
    panel.pareto = .minimizeXMaximizeY
    return PlotSpec(panel)
  }

  static func bytes(_ path: String) -> [UInt8] {
    (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
  }
}
