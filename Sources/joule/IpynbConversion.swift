import Foundation
import Script
import Notebook

/// `joule export NB.jnb --format ipynb` and `joule import NB.ipynb`: the bridge between the
/// command line and the Notebook module's `.ipynb` conversion.
///
///     exportIpynb(path: "notebooks/quickstart.jnb", to: "out")   // out/quickstart.ipynb
///     importIpynb(path: "analysis.ipynb", to: nil, force: false)  // analysis.jnb
///
/// Return the exit status: 0, 64 (cannot read or convert), 73 (cannot write).
func exportIpynb(path: String, to directory: String?) -> Int32 {
  var status = ExitStatus.usage
  guard ScriptRunner.readSource(path, status: &status) != nil else { return status }
  let url = URL(fileURLWithPath: path)
  let folder = directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? url.deletingLastPathComponent()
  let target = folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".ipynb")
  do {
    let data = try NotebookDocument(contentsOf: path).ipynb()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try data.write(to: target, options: .atomic)
  } catch {
    fputs("joule: \(FileProblem.writing(UserPath(target.path, relativeTo: nil)))\n", stderr)
    return 73  // EX_CANTCREAT
  }
  print(target.relativePath)
  return ExitStatus.ok
}

func importIpynb(path: String, to output: String?, force: Bool) -> Int32 {
  let target = output ?? URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("jnb").relativePath
  let document: NotebookDocument
  do {
    document = try NotebookDocument(ipynbContentsOf: path)
  } catch {
    fputs("joule: \(error)\n", stderr)
    return ExitStatus.usage
  }
  // A .jnb is the version-controlled original: never overwrite one by accident.
  if !force && FileManager.default.fileExists(atPath: target) {
    fputs("joule: \(target) exists; use --force to replace it or --to to write elsewhere\n", stderr)
    return ExitStatus.usage
  }
  do {
    try document.text.write(toFile: target, atomically: true, encoding: .utf8)
  } catch {
    fputs("joule: \(FileProblem.writing(UserPath(target, relativeTo: nil)))\n", stderr)
    return 73  // EX_CANTCREAT
  }
  print(target)
  return ExitStatus.ok
}
