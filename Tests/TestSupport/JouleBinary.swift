import Foundation

/// Paths tests need: the built `joule` executable and the repository root.
public enum JouleBinary {
  /// The package root (the folder holding Package.swift).
  public static var repositoryRoot: URL {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }

  /// The `joule` executable beside the test bundle (same configuration as the tests).
  public static var url: URL {
    if let env = ProcessInfo.processInfo.environment["JOULE_BIN"] { return URL(fileURLWithPath: env) }
    // Test bundles live in .build/<triple>/<config>/; the executable is built there too.
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("joule")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/release/joule")
  }

  /// Runs `joule` with arguments and standard input; returns exit code, stdout and stderr.
  public static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                         directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let p = Process()
    p.executableURL = url
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let directory { p.currentDirectoryURL = directory }
    let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
    p.standardInput = inPipe
    p.standardOutput = outPipe
    p.standardError = errPipe
    try p.run()
    inPipe.fileHandleForWriting.write(stdin.data(using: .utf8)!)
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a chatty child never blocks.
    var errData = Data()
    let errThread = Thread { errData = errPipe.fileHandleForReading.readDataToEndOfFile() }
    errThread.start()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    while !errThread.isFinished { usleep(1000) }
    return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }
}
