import Foundation
import Testing
import TestSupport

/// The script corpus gives the same output, errors included, however its functions run: as
/// chosen (`Compiler.entersCompiled`), every body compiled (`JOULE_COMPILE=all`), or every
/// body on the tree-walker (`JOULE_TREE=1`). The forms are chosen once per process, so each
/// runs the `joule` binary.
///
///     JOULE_TREE=1 joule run functions/basics.joule   # same stdout and stderr as without
@Test("a script gives the same output in every form", arguments: ScriptFile.all)
func scriptGivesTheSameOutputInEveryForm(_ file: ScriptFile) throws {
  let url = URL(fileURLWithPath: file.path)
  let directory = url.deletingLastPathComponent()
  func run(_ environment: [String: String]) throws -> String {
    let r = try JouleBinary.run(["run", url.lastPathComponent], environment: environment, directory: directory)
    return "status \(r.status)\n\(r.stdout)\n\(r.stderr)"
  }
  let chosen = try run([:])
  #expect(try run(["JOULE_COMPILE": "all"]) == chosen, "\(file.name) with JOULE_COMPILE=all")
  #expect(try run(["JOULE_TREE": "1"]) == chosen, "\(file.name) with JOULE_TREE=1")
}
