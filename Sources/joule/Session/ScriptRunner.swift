import Foundation
import Script

/// Runs whole programs for `joule run` and piped standard input: only what the program prints
/// goes to stdout; an error goes to stderr with its position and caret and sets the exit code.
///
///     let status = ScriptRunner.runFile("examples/fib.joule")   // 0, 65 or 70
enum ScriptRunner {
  /// Runs a script file in a fresh session whose `scriptDirectory` is the file's folder.
  static func runFile(_ path: String) -> Int32 {
    var status = ExitStatus.ok
    guard let source = readSource(path, status: &status) else { return status }
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
    var status = ExitStatus.ok
    guard let source = readSource(path, status: &status) else { return status }
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

  /// The file's text, or nil after telling the user why it cannot be read; `status` is then
  /// 64 for a file that is missing or unreadable, 65 for one that is not UTF-8 text.
  static func readSource(_ path: String, status: inout Int32) -> String? {
    do {
      // A path on the command line (or after `:load`) starts at the working directory.
      return try SourceText.read(UserPath(path, relativeTo: nil))
    } catch let e as ScriptError {
      fputs("joule: \(e.message)\n", stderr)
      status = e.kind == .syntax ? ExitStatus.syntaxError : ExitStatus.usage
    } catch {
      fputs("joule: \(path): \(error)\n", stderr)
      status = ExitStatus.usage
    }
    return nil
  }

  /// Everything on standard input, read to the end.
  /// Piped standard input as text, or nil after telling the user it is not UTF-8 text
  /// (`status` 65), as for a file.
  static func readStandardInput(status: inout Int32) -> String? {
    do {
      return try SourceText.decode(FileHandle.standardInput.readDataToEndOfFile(), name: "<stdin>")
    } catch let e as ScriptError {
      fputs("joule: \(e.message)\n", stderr)
      status = ExitStatus.syntaxError
      return nil
    } catch {
      fputs("joule: <stdin>: \(error)\n", stderr)
      status = ExitStatus.usage
      return nil
    }
  }
}
