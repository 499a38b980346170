import Foundation

/// Where a notebook's report and figures go.
///
///     let p = NotebookPaths(notebook: "notebooks/quickstart.jnb")
///     p.report       // notebooks/quickstart.md
///     p.figures      // plots/quickstart/   (beside notebooks/, as the repository keeps them)
///     p.figureLink   // ../plots/quickstart  (from the report)
///
/// A notebook in a folder named `notebooks` puts its figures in `plots/<name>/` next to that
/// folder; a notebook anywhere else puts them in `plots/<name>/` beside itself.
public struct NotebookPaths: Equatable {
  public let notebook: String
  public let name: String
  public let directory: String
  public let report: String
  public let figures: String
  public let figureLink: String

  public init(notebook path: String) {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    notebook = url.path
    name = url.deletingPathExtension().lastPathComponent
    let dir = url.deletingLastPathComponent()
    directory = dir.path
    report = dir.appendingPathComponent(name + ".md").path
    if dir.lastPathComponent == "notebooks" {
      figures = dir.deletingLastPathComponent().appendingPathComponent("plots").appendingPathComponent(name).path
      figureLink = "../plots/" + name
    } else {
      figures = dir.appendingPathComponent("plots").appendingPathComponent(name).path
      figureLink = "plots/" + name
    }
  }

  /// The figure scripts (`.gp`) a run left, sorted by name.
  public func figureScripts() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: figures)) ?? []
    return names.filter { $0.hasSuffix(".gp") }.sorted().map { (figures as NSString).appendingPathComponent($0) }
  }
}
