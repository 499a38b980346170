import ArgumentParser
import Foundation

/// `joule` with no subcommand: the interactive prompt, or a script read from a pipe.
///
///     joule                          # joule> _
///     echo 'print(1 + 2)' | joule    # 3
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "The interactive prompt (the default).", shouldDisplay: false)

  func run() throws {
    var status: Int32 = ExitStatus.ok
    if isatty(STDIN_FILENO) == 0 {
      // Piped input is a script: no prompts, and the exit code says how it went.
      if let source = ScriptRunner.readStandardInput(status: &status) {
        status = ScriptRunner.runSource(source, file: "<stdin>", scriptDirectory: FileManager.default.currentDirectoryPath)
      }
    } else {
      status = Repl().run()
    }
    if status != ExitStatus.ok { throw ExitCode(status) }
  }
}
