import ArgumentParser
import Foundation
import Jupyter

/// `joule kernel`: joule as a Jupyter kernel, and its installation.
///
///     joule kernel install --user                    # once; then pick "joule" in JupyterLab
///     joule kernel --connection-file kernel-1.json   # what Jupyter runs
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel", abstract: "Run joule as a Jupyter kernel, or install its kernelspec.",
    subcommands: [KernelServeCommand.self, KernelInstallCommand.self],
    defaultSubcommand: KernelServeCommand.self)
}

/// `joule kernel --connection-file FILE`: serves one front end until it shuts the kernel down.
struct KernelServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", abstract: "Serve the Jupyter messaging protocol (Jupyter starts this).")

  @Option(name: [.customShort("f"), .long], help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "FILE"))
  var connectionFile: String

  func run() throws {
    let info: ConnectionInfo
    let server: KernelServer
    do {
      info = try ConnectionInfo(contentsOf: connectionFile)
      KernelInterrupt.install()
      server = try KernelServer(connection: info, language: JouleKernel())
    } catch {
      fputs("joule kernel: \(error)\n", stderr)
      throw ExitCode(ExitStatus.usage)
    }
    server.run()
  }
}

/// `joule kernel install [--user | --prefix DIR]`: writes kernel.json naming this joule.
struct KernelInstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Install the joule kernelspec (default: for this user).",
    discussion: """
      --user (the default) writes under $JUPYTER_DATA_DIR, $XDG_DATA_HOME/jupyter or \
      ~/.local/share/jupyter; --prefix DIR writes under DIR/share/jupyter, e.g. a virtual \
      environment's folder, so only that environment's Jupyter sees it.
      """)

  @Flag(help: "Install for the current user.")
  var user = false

  @Option(help: ArgumentHelp("Install under DIR/share/jupyter/kernels.", valueName: "DIR"))
  var prefix: String?

  func validate() throws {
    if user && prefix != nil { throw ValidationError("--user and --prefix exclude each other") }
  }

  func run() throws {
    let kernels = prefix.map(KernelSpec.prefixKernels) ?? KernelSpec.userKernels()
    do {
      let folder = try KernelSpec(executable: KernelSpec.currentExecutable).install(into: kernels)
      print("installed kernelspec joule in \(folder)")
    } catch {
      fputs("joule: cannot install the kernelspec in \(kernels): \(error.localizedDescription)\n", stderr)
      throw ExitCode(73)  // EX_CANTCREAT
    }
  }
}
