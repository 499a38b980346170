import Foundation
import JouleKit
import Script
import Testing
import TestSupport

/// The documentation's code blocks as tests (docs/language.md, "Examples in the docs"):
///
/// - ```` ```joule ```` runs, every block of a file in one session (core and JouleKit builtins,
///   paths relative to the repository root); `# expect: text` comments give the printed lines,
///   `# expect error: text` the error it must end with.
/// - ```` ```joule-check ```` is parsed only (`joule check`); its first line says why it cannot
///   run in CI: `# check only: trains for an hour`.
/// - Every other fence names its language (`text`, `sh`, `ebnf`, `python`, `swift`), so no
///   runnable block goes unchecked by being left unlabelled.
/// - Prompt transcripts (`joule> input`, `...> ` continuations), fenced or indented, are parsed.
enum DocumentationExamples {
  static let otherLanguages: Set<String> = ["text", "sh", "ebnf", "python", "swift", "json", "sql"]

  static var files: [String] {
    let root = JouleBinary.repositoryRoot
    let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
    return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }

  static func blocks(in text: String, file: String) -> [DocBlock] {
    var blocks: [DocBlock] = []
    var open: (line: Int, info: String, fence: String)?
    var body: [Substring] = []
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.drop { $0 == " " }
      if let o = open {
        if trimmed.hasPrefix(o.fence) && trimmed.drop(while: { $0 == "`" || $0 == "~" }).allSatisfy(\.isWhitespace) {
          blocks.append(DocBlock(file: file, line: o.line, info: o.info, code: body.joined(separator: "\n")))
          open = nil
        } else {
          body.append(line)
        }
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        let fence = String(trimmed.prefix { $0 == trimmed.first })
        open = (i + 1, trimmed.dropFirst(fence.count).trimmingCharacters(in: .whitespaces), fence)
        body = []
      }
    }
    return blocks
  }

  /// The inputs of prompt transcripts anywhere in `text` (fenced or indented): a line
  /// `joule> input`, with its `...> ` continuation lines; `:` commands left out.
  static func promptInputs(in text: String) -> [(line: Int, input: String)] {
    var inputs: [(Int, String)] = []
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.drop { $0 == " " }
      if line.hasPrefix("joule> ") {
        let input = String(line.dropFirst(7))
        if !input.hasPrefix(":") { inputs.append((i + 1, input)) }
      } else if line.hasPrefix("...> "), let last = inputs.popLast() {
        inputs.append((last.0, last.1 + "\n" + line.dropFirst(5)))
      }
    }
    return inputs
  }

  /// What `# expect:` and `# expect error:` comments ask of a block.
  static func expectations(_ code: String) -> (output: [String], error: String?) {
    var output: [String] = []
    var error: String?
    for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
      if let r = line.range(of: "# expect error: ") {
        error = String(line[r.upperBound...])
      } else if let r = line.range(of: "# expect: ") {
        output.append(String(line[r.upperBound...]))
      } else if line.hasSuffix("# expect:") {
        output.append("")
      }
    }
    return (output, error)
  }

  static func interpreter(_ out: BufferOutput) -> Interpreter {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    return Interpreter(registry: registry, output: out, scriptDirectory: JouleBinary.repositoryRoot.path)
  }
}
