import ArgumentParser

/// `joule import NB.ipynb [--to FILE] [--force]`: a Jupyter notebook as a `.jnb`.
///
///     joule import analysis.ipynb            # writes analysis.jnb
///
/// Cell titles become cell labels, markdown becomes `# %% [markdown]` prose, outputs are
/// dropped (a `.jnb` keeps none).
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Convert a Jupyter notebook (.ipynb) to a joule notebook (.jnb).")

  @Argument(help: "The .ipynb notebook to convert.")
  var file: String

  @Option(help: "The .jnb file to write (default: beside the .ipynb).")
  var to: String?

  @Flag(help: "Replace the .jnb when it exists.")
  var force = false

  func run() throws {
    let status = importIpynb(path: file, to: to, force: force)
    if status != ExitStatus.ok { throw ExitCode(status) }
  }
}
