import Foundation
import Script
import Testing

/// Runs every `scripts/<feature>/*.joule` file and checks its output against the
/// `# expect: ...` comments in it (the jlox way):
///
///     print(1 + 2)        # expect: 3
///     print(nope)         # expect error: undefined variable 'nope'
///                         # expect error line: 2
struct ScriptFile: CustomTestStringConvertible, Sendable {
  let path: String
  var testDescription: String { name }
  var name: String {
    let parts = path.split(separator: "/")
    return parts.suffix(2).joined(separator: "/")
  }

  static var root: URL {
    Bundle.module.resourceURL!.appendingPathComponent("scripts")
  }

  static var all: [ScriptFile] {
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    var files: [ScriptFile] = []
    while let url = e?.nextObject() as? URL {
      if url.pathExtension == "joule" { files.append(ScriptFile(path: url.path)) }
    }
    return files.sorted { $0.path < $1.path }
  }

  struct Expectations {
    var output: [String] = []
    var error: String?
    var errorLine: Int?
  }

  func expectations(_ source: String) -> Expectations {
    var x = Expectations()
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      if let r = line.range(of: "# expect: ") {
        x.output.append(String(line[r.upperBound...]))
      } else if line.hasSuffix("# expect:") {
        x.output.append("")
      } else if let r = line.range(of: "# expect error line: ") {
        x.errorLine = Int(line[r.upperBound...].trimmingCharacters(in: .whitespaces))
      } else if let r = line.range(of: "# expect error: ") {
        x.error = String(line[r.upperBound...])
      }
    }
    return x
  }
}

@Test("language script", arguments: ScriptFile.all)
func languageScript(_ file: ScriptFile) throws {
  let source = try String(contentsOfFile: file.path, encoding: .utf8)
  let expected = file.expectations(source)
  let out = BufferOutput()
  let interp = Interpreter(registry: .core(), output: out,
                           scriptDirectory: (file.path as NSString).deletingLastPathComponent)
  var thrown: ScriptError?
  do {
    _ = try interp.run(source, file: file.name)
  } catch let e as ScriptError {
    thrown = e
  }
  var lines = out.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  if lines.last == "" { lines.removeLast() }
  #expect(lines == expected.output, "output of \(file.name)")
  if let want = expected.error {
    #expect(thrown != nil, "expected an error containing '\(want)'")
    if let thrown {
      #expect(thrown.message.contains(want), "error was: \(thrown.rendered)")
      if let line = expected.errorLine { #expect(thrown.position?.line == line, "error was: \(thrown.rendered)") }
    }
  } else if let thrown {
    Issue.record("unexpected error: \(thrown.rendered)")
  }
}

@Test func scriptFolderHoldsTests() {
  #expect(ScriptFile.all.count > 10)
}
