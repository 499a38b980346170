import Foundation
import JouleKit
import Notebook
import Script

/// `joule run x.jnb` and `joule export x.jnb`: the bridge from the command line to the
/// Notebook module. It adds what that module must not know: the builtins, per-cell joules
/// from `EnergyWindow`, joule's version and the energy sources for the run manifest.
///
///     joule run notebooks/quickstart.jnb      # writes notebooks/quickstart.md, plots/quickstart/
///     joule export notebooks/quickstart.jnb --format pdf --to out/
///
/// Returns the process exit code: 0, 65 (syntax error), 70 (runtime error), 130 (Ctrl-C),
/// 64 (no such notebook), 73 (cannot write the report).
func runNotebook(path: String) -> Int32 {
  var status = ExitStatus.ok
  guard ScriptRunner.readSource(path, status: &status) != nil else { return status }
  let document: NotebookDocument
  do {
    document = try NotebookDocument(contentsOf: path)
  } catch {
    fputs("joule: \(error)\n", stderr)
    return ExitStatus.usage
  }
  let paths = NotebookPaths(notebook: path)
  let runner = NotebookRunner(registry: ScriptBridge.makeRegistry())
  runner.meter = {
    let window = EnergyWindow.begin()
    return {
      let r = window.finish()
      let interval = r.estimated ? r.energy.interval : nil
      return CellEnergy(energyJ: r.joules, estimated: r.estimated, source: r.source, lowJ: interval?.low, highJ: interval?.high)
    }
  }
  runner.echo = { text in fputs(text, stdout) }
  let tty = isatty(STDERR_FILENO) != 0
  runner.progress = { line in
    fflush(stdout)
    // Cell-by-cell lines are for people watching; failures are for everyone.
    if tty || line.contains("failed") || line.contains("interrupted") { fputs(line + "\n", stderr) }
  }
  InterruptHandler.install()
  let run = runner.run(document, paths: paths)
  fflush(stdout)

  let sources = EnergyWindow.sourcesDescription
  var manifest = RunManifest(started: run.started, extra: [
    ("joule", JouleVersion.current),
    ("notebook", (path as NSString).lastPathComponent),
  ])
  manifest.add("energy sources", sources)
  manifest.add("joules", run.estimatedJoules ? "estimated (see energy sources)" : "measured")
  let problems = EnergyWindow.counterProblems
  if !problems.isEmpty { manifest.add("energy counters", problems.joined(separator: "; ")) }
  do {
    try MarkdownReport(run: run, manifest: manifest).write()
  } catch {
    fputs("joule: \(error)\n", stderr)
    return 73  // EX_CANTCREAT
  }
  let figures = paths.figureScripts().count
  fputs("joule: wrote \(relative(paths.report))"
    + (figures > 0 ? " and \(figures) figure\(figures == 1 ? "" : "s") in \(relative(paths.figures))/" : "") + "\n", stderr)
  return run.exitCode
}

/// Re-renders a notebook's saved figures from their `.gp` scripts, without running it.
func exportNotebook(path: String, format: String, to directory: String?) -> Int32 {
  let paths = NotebookPaths(notebook: path)
  let scripts = paths.figureScripts()
  guard !scripts.isEmpty else {
    fputs("joule: \(NotebookError.noFigures(relative(paths.figures)))\n", stderr)
    return ExitStatus.usage
  }
  var failed = false
  for script in scripts {
    do {
      let out = try FigureExport.rerender(script: script, format: format, into: directory)
      print(relative(out))
    } catch {
      fputs("joule: \(relative(script)): \(error)\n", stderr)
      failed = true
    }
  }
  return failed ? ExitStatus.runtimeError : ExitStatus.ok
}

/// A path relative to the working directory when it is inside it, for short messages.
private func relative(_ path: String) -> String {
  let cwd = FileManager.default.currentDirectoryPath
  return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}
