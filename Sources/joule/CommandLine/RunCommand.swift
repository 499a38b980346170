import ArgumentParser
import Foundation

/// `joule run FILE...`: runs scripts, and notebooks (`.jnb`) through the notebook runner.
///
///     joule run prepare.joule notebooks/quickstart.jnb
///
/// Files run in order, each in a fresh session; the first failure stops the rest and its
/// status is joule's (65 syntax error, 70 runtime error).
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run joule scripts (.joule) and notebooks (.jnb).")

  @Argument(help: "The scripts and notebooks to run, in order.")
  var files: [String]

  func run() throws {
    for file in files {
      let status = file.hasSuffix(".jnb") ? runNotebook(path: file) : ScriptRunner.runFile(file)
      if status != ExitStatus.ok { throw ExitCode(status) }
    }
  }
}
