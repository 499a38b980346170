import Foundation
import TestSupport

/// A throw-away Python virtual environment with the real Jupyter clients (jupyter_client,
/// nbclient, nbconvert; no ipykernel), and a kernelspec naming the `joule` under test.
///
///     let jupyter = try JupyterEnvironment.shared()
///     let r = try jupyter.python(["kernel_probe.py", "messages"])
///
/// Made once per test run (pip is the slow part) in a temporary folder removed at exit.
final class JupyterEnvironment: @unchecked Sendable {
  let root: URL
  var python: URL { root.appendingPathComponent("venv/bin/python") }
  var bin: URL { root.appendingPathComponent("venv/bin") }
  /// Holds share/jupyter/kernels/joule/kernel.json, written by `joule kernel install --prefix`.
  var prefix: URL { root.appendingPathComponent("prefix") }
  static let probe = JouleBinary.repositoryRoot.appendingPathComponent("Tests/JouleTests/Jupyter/kernel_probe.py").path

  private static let made: Result<JupyterEnvironment, Error> = Result { try JupyterEnvironment() }

  /// The environment of this test run, made on first use; every test after the first waits for it.
  static func shared() throws -> JupyterEnvironment { try made.get() }

  private init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("joule-jupyter-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    JupyterEnvironment.madeRoot = root.path
    atexit { if let path = JupyterEnvironment.madeRoot { try? FileManager.default.removeItem(atPath: path) } }
    try run("/usr/bin/env", ["python3", "-m", "venv", root.appendingPathComponent("venv").path], what: "python3 -m venv")
    try run(python.path, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
                          "--prefer-binary", "jupyter_client", "nbclient", "nbconvert"], what: "pip install")
    let install = try JouleBinary.run(["kernel", "install", "--prefix", prefix.path])
    guard install.status == 0 else { throw Failure("joule kernel install: \(install.stderr)") }
  }

  nonisolated(unsafe) private static var madeRoot: String?

  /// The environment child processes get: Jupyter finds only the joule kernelspec of this
  /// run, and keeps its runtime files (connection files) inside the temporary folder.
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["JUPYTER_PATH"] = prefix.appendingPathComponent("share/jupyter").path
    env["JUPYTER_RUNTIME_DIR"] = root.appendingPathComponent("runtime").path
    env["JUPYTER_DATA_DIR"] = root.appendingPathComponent("data").path
    env["JUPYTER_CONFIG_DIR"] = root.appendingPathComponent("config").path
    env["PATH"] = bin.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    for (k, v) in extra { env[k] = v }
    return env
  }

  /// Runs the venv's python; returns stdout, or throws with stderr when it fails.
  @discardableResult
  func python(_ arguments: [String], environment extra: [String: String] = [:], directory: URL? = nil) throws -> String {
    try run(python.path, arguments, environment: environment(extra), directory: directory, what: arguments.joined(separator: " "))
  }

  @discardableResult
  func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil,
           what: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    guard p.terminationStatus == 0 else {
      throw Failure("\(what) exited \(p.terminationStatus): \(String(decoding: errData.suffix(4000), as: UTF8.self))")
    }
    return String(decoding: outData, as: UTF8.self)
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
