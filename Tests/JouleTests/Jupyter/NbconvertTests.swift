import Foundation
import Testing
import TestSupport

/// The bundled quickstart notebook, exported to .ipynb, executed by `jupyter nbconvert
/// --execute` with the joule kernel, as a pipeline would: every cell runs, figures inline.
@Suite struct NbconvertTests {
  @Test func quickstartExecutesUnderNbconvertWithFiguresInline() throws {
    let jupyter = try JupyterEnvironment.shared()
    let folder = try TemporaryFolder()
    let notebook = JouleBinary.repositoryRoot.appendingPathComponent("notebooks/quickstart.jnb").path
    let export = try JouleBinary.run(["export", notebook, "--format", "ipynb", "--to", folder.url.path])
    try #require(export.status == 0, "\(export.stderr)")
    try jupyter.run(jupyter.bin.appendingPathComponent("jupyter").path,
                    ["nbconvert", "--to", "notebook", "--execute", "quickstart.ipynb", "--output", "executed.ipynb",
                     "--ExecutePreprocessor.timeout=300"],
                    environment: jupyter.environment(["JOULE_QUICK": "1"]), directory: folder.url, what: "jupyter nbconvert")
    let data = try #require(FileManager.default.contents(atPath: folder.path("executed.ipynb")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let cells = try #require(json["cells"] as? [[String: Any]]).filter { $0["cell_type"] as? String == "code" }
    #expect(cells.count == 8)
    var images = 0
    for cell in cells {
      let outputs = cell["outputs"] as? [[String: Any]] ?? []
      #expect(cell["execution_count"] as? Int != nil, "cell \(cell["id"] ?? "?") did not run")
      #expect(!outputs.contains { $0["output_type"] as? String == "error" }, "cell \(cell["id"] ?? "?") failed")
      for output in outputs where output["output_type"] as? String == "display_data" {
        let bundle = output["data"] as? [String: Any] ?? [:]
        if bundle["image/png"] != nil && bundle["image/svg+xml"] != nil { images += 1 }
      }
    }
    // The layer-energy bars and the accuracy-against-joules trade-off.
    #expect(images == 2)
    let titles = cells.compactMap { ($0["metadata"] as? [String: Any])?["title"] as? String }
    #expect(titles.contains("tradeoff"))
  }
}
