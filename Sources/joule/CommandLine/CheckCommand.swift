import ArgumentParser

/// `joule check FILE...`: parses without running; reports the first syntax error of each file.
///
///     joule check train.joule && echo ok
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Parse files without running them (exit 65 on a syntax error).")

  @Argument(help: "The scripts or notebooks to check.")
  var files: [String]

  func run() throws {
    var worst = ExitStatus.ok
    for file in files {
      let status = ScriptRunner.checkFile(file)
      if status != ExitStatus.ok && worst == ExitStatus.ok { worst = status }
    }
    if worst != ExitStatus.ok { throw ExitCode(worst) }
  }
}
