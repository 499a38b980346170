import ArgumentParser
import Energy
import Foundation
import Workload

/// `joule measure [-o FILE.csv] [--interval MS] -- PROGRAM ARGS...`: runs a program untouched
/// and reports the energy it took, the way EnergiBridge does.
///
///     joule measure -o run.csv -- python3 train.py --epochs 3
///     # the program's own output, then on stderr:
///     # joule measure: 412.3 J in 38.1 s (10.8 W mean), estimated ...
///
/// The program keeps joule's stdin, stdout and stderr and stays in the terminal's foreground
/// (Ctrl-C reaches it directly; joule waits for it), and joule exits with its exit code.
struct MeasureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure",
    abstract: "Run a program and report the energy it took (summary on stderr, exit code of the program).",
    discussion: """
      The summary gives the machine's joules over the program's run, the program's share of them \
      (its process tree's part of the busy CPU time), seconds, mean watts and the energy source, \
      measured or estimated. With -o, one CSV row per interval: time, joules and watts per \
      domain, and the CPUs the program's tree kept busy.
      """)

  @Option(name: [.short, .customLong("output")], help: "Write the time series to this CSV file.")
  var output: String?

  @Option(name: .long, help: "Milliseconds between rows of the time series (at least 50).")
  var interval: Int = 100

  @Argument(parsing: .captureForPassthrough, help: "The program and its arguments (after --).")
  var program: [String] = []

  func validate() throws {
    guard interval >= 50 else { throw ValidationError("--interval must be at least 50 ms (the energy poller's period), got \(interval)") }
    guard !argv.isEmpty else { throw ValidationError("give the program to measure: joule measure -- PROGRAM ARGS...") }
  }

  /// The program and its arguments, without the `--` that may lead them.
  var argv: [String] { program.first == "--" ? Array(program.dropFirst()) : program }

  func run() throws {
    var command = Command(argv)
    command.capturesOutput = false
    command.input = .inherit
    command.ownProcessGroup = false
    // Like time(1): the terminal's Ctrl-C goes to the program, which decides; joule waits.
    signal(SIGINT, SIG_IGN)
    signal(SIGQUIT, SIG_IGN)
    let result: CommandResult
    do {
      result = try CommandRunner(seriesInterval: output == nil ? nil : Double(interval) / 1000).run(command)
    } catch let e as CommandError {
      FileHandle.standardError.write(Data("joule measure: \(e)\n".utf8))
      // The shell's codes: 127 not found, 126 found but not runnable.
      switch e {
      case .notFound, .notFoundButLocal: throw ExitCode(127)
      default: throw ExitCode(126)
      }
    }
    FileHandle.standardError.write(Data(MeasureSummary.text(result, argv: argv).utf8))
    if let output {
      do {
        try MeasureSummary.csv(result.series).write(toFile: output, atomically: true, encoding: .utf8)
      } catch {
        FileHandle.standardError.write(Data("joule measure: cannot write \(output): \(error.localizedDescription)\n".utf8))
        throw ExitCode(result.exitCode == 0 ? ExitStatus.runtimeError : result.exitCode)
      }
    }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }
}
