import Foundation
import Testing
import TestSupport

/// Relative paths follow one rule (docs/language.md, "Relative paths"): a notebook's and a
/// script's start at its own folder, the prompt's and piped input's at the working directory,
/// an environment variable's at the working directory. Checked with the real binary, started
/// from a folder other than the program's.
@Suite struct RelativePathTests {
  /// Reads data.csv, writes out.csv and tunes a study into s.sqlite, all by relative paths.
  static let program = """
    rows = read_csv("data.csv")
    write_csv(rows, "out.csv")
    s = tune(fn(p) { p.x }, space(x: uniform(0, 1)), trials: 2, strategy: "random", study: "s", store: "s.sqlite")
    print("store " + s.store)
    """

  /// A project folder with `nb/` (the program's folder, holding data.csv) and `elsewhere/`
  /// (the working directory, holding a different data.csv).
  private func project() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for sub in ["nb", "elsewhere"] {
      try FileManager.default.createDirectory(atPath: folder.path(sub), withIntermediateDirectories: true)
    }
    try folder.write("nb/data.csv", "x\n1\n")
    try folder.write("elsewhere/data.csv", "x\n2\n")
    return folder
  }

  @Test func aNotebookFindsItsFilesWhicheverFolderItIsRunFrom() throws {
    let folder = try project()
    try folder.write("nb/x.jnb", "# %%\n" + RelativePathTests.program + "\n")
    for cwd in ["elsewhere", "nb"] {
      let r = try JouleBinary.run(["run", folder.path("nb/x.jnb")], directory: folder.url.appendingPathComponent(cwd))
      #expect(r.status == 0, "from \(cwd): \(r.stderr)")
      #expect(try String(contentsOfFile: folder.path("nb/out.csv"), encoding: .utf8) == "x\n1\n")
      #expect(FileManager.default.fileExists(atPath: folder.path("nb/s.sqlite")))
      #expect(!FileManager.default.fileExists(atPath: folder.path("elsewhere/out.csv")))
      #expect(!FileManager.default.fileExists(atPath: folder.path("elsewhere/s.sqlite")))
    }
  }

  @Test func aScriptResolvesBesideItselfAndPipedInputInTheWorkingDirectory() throws {
    let folder = try project()
    let script = try folder.write("nb/x.joule", RelativePathTests.program + "\n")
    let elsewhere = folder.url.appendingPathComponent("elsewhere")
    let run = try JouleBinary.run(["run", script], directory: elsewhere)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("store \(folder.path("nb/s.sqlite"))"), "\(run.stdout)")
    #expect(try String(contentsOfFile: folder.path("nb/out.csv"), encoding: .utf8) == "x\n1\n")

    let piped = try JouleBinary.run([], stdin: RelativePathTests.program + "\n", directory: elsewhere)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("store \(folder.path("elsewhere/s.sqlite"))"), "\(piped.stdout)")
    #expect(try String(contentsOfFile: folder.path("elsewhere/out.csv"), encoding: .utf8) == "x\n2\n")
  }

  @Test func aStudyTunedAtThePromptLandsInTheWorkingDirectory() throws {
    let folder = try project()
    let home = try TemporaryFolder()
    let elsewhere = folder.path("elsewhere")
    // The prompt needs a terminal; the shell only moves to the working directory first.
    let tty = try PseudoTerminal(
      executable: "/bin/sh", arguments: ["-c", "cd '\(elsewhere)' && exec '\(JouleBinary.url.path)'"],
      environment: ["HOME": home.url.path, "XDG_STATE_HOME": home.path("state"), "TERM": "xterm", "PATH": "/usr/bin:/bin"])
    try tty.expectPrompt()
    tty.type("s = tune(fn(p) { p.x }, space(x: uniform(0, 1)), trials: 2, strategy: \"random\", study: \"s\", store: \"s.sqlite\")\r")
    try tty.expectPrompt(timeout: 60)
    tty.type("s.store\r")
    try tty.expect(folder.path("elsewhere/s.sqlite"))
    try tty.expectPrompt()
    // A missing file names the folder it was looked for in.
    tty.type("read_csv(\"nope.csv\")\r")
    try tty.expect("nope.csv: no such file (looked in \(elsewhere))")
    try tty.expectPrompt()
    tty.type("\u{04}")
    #expect(tty.waitForExit() == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path("elsewhere/s.sqlite")))
  }

  @Test func aStorePathFromTheEnvironmentStartsAtTheWorkingDirectory() throws {
    let folder = try project()
    let script = try folder.write("nb/x.joule", """
      s = tune(fn(p) { p.x }, space(x: uniform(0, 1)), trials: 2, strategy: "random", study: "envy")
      print("store " + s.store)
      """)
    let elsewhere = folder.url.appendingPathComponent("elsewhere")
    let environment = ["JOULE_STORE": "shared.sqlite"]
    let run = try JouleBinary.run(["run", script], environment: environment, directory: elsewhere)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("store \(folder.path("elsewhere/shared.sqlite"))"), "\(run.stdout)")
    // `joule studies` in the same shell reads the same store.
    let listed = try JouleBinary.run(["studies"], environment: environment, directory: elsewhere)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("envy"), "\(listed.stdout)")
  }

  @Test func errorsAboutRelativePathsNameTheFolderTheyWereTakenFrom() throws {
    let folder = try project()
    let nb = folder.path("nb")
    let cases: [(String, String)] = [
      ("read_csv(\"nope.csv\")", "read_csv: nope.csv: no such file (looked in \(nb))"),
      ("write_csv([{a: 1}], \"results/x.csv\")", "write_csv: results/x.csv: folder results does not exist (in \(nb))"),
      ("read_json(\"../nb\")", "read_json: ../nb: is a folder, not a file (in \(nb))"),
      ("load_model(\"m.safetensors\")", "load_model: m.safetensors: no such file (looked in \(nb))"),
      ("load_idx(\"idx/images.gz\", \"idx/labels.gz\")", "load_idx: idx/images.gz: folder idx does not exist (in \(nb))"),
      // The loader names the absolute file it looked for.
      ("dataset(\"mnist\", path: \"idx\")", "\(nb)/idx/train-images-idx3-ubyte.gz: no such file"),
      ("tune(fn(p) { p.x }, space(x: uniform(0, 1)), trials: 1, store: \"out/s.sqlite\")",
       "tune: store out/s.sqlite: folder out does not exist (in \(nb))"),
      ("load_study(\"s\", store: \"none.sqlite\")", "load_study: no study store: none.sqlite: no such file (looked in \(nb))"),
      // save makes missing folders, so only a file in the way stops it.
      ("save(plot([{a: 1, b: 2}], x: \"a\", y: \"b\"), \"data.csv/figs/a.png\")",
       "save: data.csv/figs/a.png: data.csv is a file, not a folder (in \(nb))"),
      ("write_ledger(measure(fn() { 1 }), \"logs/emissions.csv\")", "write_ledger: logs/emissions.csv: folder logs does not exist (in \(nb))"),
    ]
    for (code, message) in cases {
      let script = try folder.write("nb/bad.joule", code + "\n")
      let r = try JouleBinary.run(["run", script], directory: folder.url.appendingPathComponent("elsewhere"))
      #expect(r.status == 70, "\(code): \(r.stderr)")
      #expect(r.stderr.contains(message), "\(code): \(r.stderr)")
    }
  }

  @Test func aNotebookLookingForAStoreMadeAtThePromptIsToldWhereItIs() throws {
    let folder = try project()
    let elsewhere = folder.url.appendingPathComponent("elsewhere")
    // Tuned "at the prompt" (piped input resolves the same way) in the working directory ...
    let tuned = try JouleBinary.run([], stdin: """
      tune(fn(p) { p.x }, space(x: uniform(0, 1)), trials: 2, strategy: "random", study: "s")
      """, directory: elsewhere)
    #expect(tuned.status == 0, "\(tuned.stderr)")
    // ... and looked for from a notebook in another folder, started from that directory.
    let notebook = try folder.write("nb/read.jnb", "# %%\nload_study(\"s\")\n")
    let r = try JouleBinary.run(["run", notebook], directory: elsewhere)
    #expect(r.status == 70)
    #expect(r.stderr.contains("load_study: no study store: studies.sqlite: no such file (looked in \(folder.path("nb"))); "
                              + "the working directory has one: \(folder.path("elsewhere/studies.sqlite"))"), "\(r.stderr)")
  }
}
