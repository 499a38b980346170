import Foundation
import Testing
import TestSupport

/// `joule kernel install`, `joule export --format ipynb` and `joule import` from the command line.
@Suite struct KernelCommandTests {
  @Test func installWritesAKernelspecNamingThisJoule() throws {
    let folder = try TemporaryFolder()
    let r = try JouleBinary.run(["kernel", "install", "--prefix", folder.url.path])
    #expect(r.status == 0)
    let spec = try #require(FileManager.default.contents(atPath: folder.path("share/jupyter/kernels/joule/kernel.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: spec) as? [String: Any])
    let argv = try #require(json["argv"] as? [String])
    #expect(argv.dropFirst() == ["kernel", "--connection-file", "{connection_file}"])
    let binary = JouleBinary.url.resolvingSymlinksInPath().path
    #expect(argv.first == binary)
    #expect(json["language"] as? String == "joule")
    #expect(json["interrupt_mode"] as? String == "signal")
  }

  @Test func installForTheUserHonoursJupyterDataDir() throws {
    let folder = try TemporaryFolder()
    let r = try JouleBinary.run(["kernel", "install", "--user"], environment: ["JUPYTER_DATA_DIR": folder.url.path])
    #expect(r.status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path("kernels/joule/kernel.json")))
  }

  @Test func userAndPrefixExcludeEachOther() throws {
    let r = try JouleBinary.run(["kernel", "install", "--user", "--prefix", "/tmp"])
    #expect(r.status == 64)
  }

  @Test func aBadConnectionFileIsAUsageErrorNamingIt() throws {
    let r = try JouleBinary.run(["kernel", "--connection-file", "/nonexistent/kernel.json"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("/nonexistent/kernel.json"))
  }

  @Test func exportThenImportGivesBackTheNotebook() throws {
    let folder = try TemporaryFolder()
    let source = try folder.write("study.jnb", "# %% [markdown]\n# # A study\n\n# %% load\nx = 1\n\n# %% show\nx + 1\n")
    let export = try JouleBinary.run(["export", source, "--format", "ipynb"])
    #expect(export.status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path("study.ipynb")))
    // The original is never overwritten by accident.
    let refused = try JouleBinary.run(["import", folder.path("study.ipynb")])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--force"))
    let back = try JouleBinary.run(["import", folder.path("study.ipynb"), "--to", folder.path("back.jnb")])
    #expect(back.status == 0)
    #expect(try String(contentsOfFile: folder.path("back.jnb"), encoding: .utf8)
      == String(contentsOfFile: source, encoding: .utf8))
  }

  @Test func importingSomethingElseIsAClearError() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("x.ipynb", "{\"not\": \"a notebook\"}")
    let r = try JouleBinary.run(["import", path])
    #expect(r.status == 64)
    #expect(r.stderr.contains("nbformat 4"))
  }
}
