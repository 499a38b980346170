import Foundation
import Plot

/// Re-renders saved figures from their gnuplot scripts, for `joule export`.
///
///     let out = try FigureExport.rerender(script: "plots/quickstart/tradeoff-1.gp", format: "svg", into: nil)
public enum FigureExport {
  /// The formats `joule export --format` accepts.
  public static let formats = ["svg", "png", "pdf", "txt"]

  /// Renders `script` (a `.gp` joule wrote) as `format` into `directory` (default: beside it).
  public static func rerender(script: String, format: String, into directory: String?) throws -> String {
    guard let f = OutputFormat(rawValue: format.lowercased()) else {
      throw GnuplotError.invalid("export: unknown format '\(format)'; use \(formats.joined(separator: ", "))")
    }
    return try PlotRenderer.rerender(script: script, as: f, into: directory)
  }
}
