import ArgumentParser

/// `joule export FILE --format svg|png|pdf|ipynb [--to DIR]`: re-renders a notebook's saved
/// figures in the chosen format, or converts the notebook to Jupyter's `.ipynb`.
///
///     joule export notebooks/quickstart.jnb --format svg --to out/
///     joule export notebooks/quickstart.jnb --format ipynb      # notebooks/quickstart.ipynb
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export a notebook's figures, or the notebook as .ipynb.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case svg, png, pdf, ipynb
  }

  @Argument(help: "The notebook (.jnb) to export.")
  var file: String

  @Option(help: "svg, png or pdf (the figures), or ipynb (the notebook, for Jupyter).")
  var format: Format = .svg

  @Option(help: "The folder to write into (default: beside the notebook).")
  var to: String?

  func run() throws {
    let status = format == .ipynb
      ? exportIpynb(path: file, to: to) : exportNotebook(path: file, format: format.rawValue, to: to)
    if status != ExitStatus.ok { throw ExitCode(status) }
  }
}
