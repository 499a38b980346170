import Foundation
import Script

/// Runs whole programs for `joule run` and piped standard input: only what the program prints
/// goes to stdout; an error goes to stderr with its position and caret and sets the exit code.
///
///     let status = ScriptRunner.runFile("examples/fib.joule")   // 0, 65 or 70
enum ScriptRunner {
  /// Runs a script file in a fresh session whose `scriptDirectory` is the file's folder.
  static func runFile(_ path: String) -> Int32 {
    guard let source = readSource(path) else { return ExitStatus.usage }
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return runSource(source, file: path, scriptDirectory: directory)
  }

  /// Runs `source` in a fresh session; returns the exit status.
  static func runSource(_ source: String, file: String, scriptDirectory: String?) -> Int32 {
    let output = TerminalOutput()
    let interpreter = ScriptBridge.makeInterpreter(output: output, scriptDirectory: scriptDirectory)
    InterruptHandler.install()
    defer { output.flush() }
    do {
      _ = try interpreter.run(source, file: file)
      return ExitStatus.ok
    } catch let error as ScriptError {
      output.flush()
      fputs(ScriptBridge.render(error) + "\n", stderr)
      return ExitStatus.code(for: error)
    } catch {
      output.flush()
      fputs("\(file): error: \(error)\n", stderr)
      return ExitStatus.runtimeError
    }
  }

  /// Parses a file without running it (`joule check`).
  static func checkFile(_ path: String) -> Int32 {
    guard let source = readSource(path) else { return ExitStatus.usage }
    do {
      try ScriptBridge.check(source, file: path)
      return ExitStatus.ok
    } catch let error as ScriptError {
      fputs(ScriptBridge.render(error) + "\n", stderr)
      return ExitStatus.code(for: error)
    } catch {
      fputs("\(path): error: \(error)\n", stderr)
      return ExitStatus.syntaxError
    }
  }

  /// The file's text, or nil after telling the user why it cannot be read.
  static func readSource(_ path: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      fputs("joule: no such file: \(path)\n", stderr)
      return nil
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
      fputs("joule: cannot read \(path)\n", stderr)
      return nil
    }
    // Invalid UTF-8 becomes U+FFFD: the lexer then reports it instead of joule refusing the file.
    return String(decoding: data, as: UTF8.self)
  }

  /// Everything on standard input, read to the end.
  static func readStandardInput() -> String {
    String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
  }
}
