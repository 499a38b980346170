import ArgumentParser

/// The root command: `joule` alone opens the REPL; subcommands run, check and export files.
///
///     joule --version
///     joule run a.joule b.jnb
///
/// Exit codes follow sysexits(3): 0 ok, 64 usage, 65 syntax error, 70 runtime error.
struct JouleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "joule",
    abstract: "A scripting REPL for energy-aware deep-learning experiments.",
    discussion: """
      Without a subcommand joule opens the interactive prompt; when standard input is not \
      a terminal it reads it whole as a script. Exit codes: 0 success, 64 usage, \
      65 syntax error, 70 runtime error.
      """,
    version: JouleVersion.current,
    subcommands: [ReplCommand.self, RunCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, KernelCommand.self,
                  StudiesCommand.self, StudyCommand.self, MeasureCommand.self, PowerModelCommand.self,
                  CalibrateCommand.self],
    defaultSubcommand: ReplCommand.self)
}
