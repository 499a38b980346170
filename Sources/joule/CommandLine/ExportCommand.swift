import ArgumentParser

/// `joule export FILE --format svg|png|pdf [--to DIR]`: runs a notebook and writes its report
/// with figures in the chosen format.
///
///     joule export notebooks/quickstart.jnb --format svg --to out/
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Run a notebook and export its report and figures.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case svg, png, pdf
  }

  @Argument(help: "The notebook (.jnb) to export.")
  var file: String

  @Option(help: "The figures' format: svg, png or pdf.")
  var format: Format = .svg

  @Option(help: "The folder to write into (default: beside the notebook).")
  var to: String?

  func run() throws {
    let status = exportNotebook(path: file, format: format.rawValue, to: to)
    if status != ExitStatus.ok { throw ExitCode(status) }
  }
}
