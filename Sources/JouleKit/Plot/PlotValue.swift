import Plot
import Script

/// A figure as the language sees it: what `plot(...)` and the ready-made views return.
///
///     p = plot(runs, x: "energy_j", y: "accuracy", pareto: true)
///     p.series          # 2
///     save(p, "plots/tradeoff.png")
///
/// At the prompt it shows as text (gnuplot's dumb terminal); notebooks save it as PNG and SVG.
public final class PlotValue: Figure {
  public let spec: PlotSpec

  public init(_ spec: PlotSpec) { self.spec = spec }

  public var typeName: String { "plot" }
  public var fieldNames: [String] { ["title", "kind", "panels", "series", "points"] }

  public func field(_ name: String) -> Value? {
    switch name {
    case "title": return (spec.title ?? spec.panels.first?.title).map { .string($0) } ?? .none
    case "kind": return .string(spec.panels.first?.kind.rawValue ?? "points")
    case "panels": return .int(spec.panels.count)
    case "series": return .int(spec.panels.reduce(0) { $0 + $1.series.count })
    case "points": return .int(spec.panels.reduce(0) { $0 + $1.pointCount })
    default: return nil
    }
  }

  public var displayText: String {
    let title = (spec.title ?? spec.panels.first?.title).map { " \"\($0)\"" } ?? ""
    let series = spec.panels.reduce(0) { $0 + $1.series.count }
    let points = spec.panels.reduce(0) { $0 + $1.pointCount }
    return "<plot\(title): \(series) series, \(points) points>"
  }

  public func textPreview(width: Int, height: Int) throws -> String {
    try PlotRenderer.textPreview(spec, width: width, height: height)
  }

  @discardableResult
  public func save(to path: String) throws -> [String] {
    try PlotRenderer.save(spec, to: path)
  }
}
