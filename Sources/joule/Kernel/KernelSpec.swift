import Foundation

/// The kernelspec that tells Jupyter how to start joule: a folder `kernels/joule/` holding
/// `kernel.json`, under one of Jupyter's data directories.
///
///     let spec = KernelSpec(executable: "/opt/joule/bin/joule")
///     try spec.install(into: KernelSpec.userKernels())   // ~/.local/share/jupyter/kernels/joule
///
/// The directories follow jupyter_core's rules, so `jupyter kernelspec list` finds it.
struct KernelSpec {
  /// The name front ends store in a notebook's metadata.
  static let name = "joule"
  let executable: String

  /// kernel.json: the command line with `{connection_file}` for Jupyter to fill in.
  var json: String {
    """
    {
      "argv": [\(Self.quote(executable)), "kernel", "--connection-file", "{connection_file}"],
      "display_name": "joule",
      "language": "joule",
      "interrupt_mode": "signal",
      "metadata": {"debugger": false}
    }

    """
  }

  /// Writes `<kernels>/joule/kernel.json`, creating folders; returns the folder.
  @discardableResult
  func install(into kernels: String) throws -> String {
    let folder = (kernels as NSString).appendingPathComponent(Self.name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try json.write(toFile: (folder as NSString).appendingPathComponent("kernel.json"), atomically: true, encoding: .utf8)
    return folder
  }

  /// `$JUPYTER_DATA_DIR/kernels`, else `$XDG_DATA_HOME/jupyter/kernels`, else
  /// `~/.local/share/jupyter/kernels` (jupyter_core.paths.jupyter_data_dir on Linux).
  static func userKernels(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let dir = environment["JUPYTER_DATA_DIR"], !dir.isEmpty { return dir + "/kernels" }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/jupyter/kernels" }
    return NSHomeDirectory() + "/.local/share/jupyter/kernels"
  }

  /// `<prefix>/share/jupyter/kernels`, as `jupyter kernelspec install --prefix` uses (a venv's
  /// prefix puts the kernel in that environment only).
  static func prefixKernels(_ prefix: String) -> String {
    (prefix as NSString).appendingPathComponent("share/jupyter/kernels")
  }

  /// The running joule's own path, symlinks resolved, so the spec survives a changed PATH.
  static var currentExecutable: String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }

  private static func quote(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
