import Foundation
import JouleKit
import Script
import Testing
import TestSupport

/// A fenced code block of README.md or docs/*.md, with where it starts.
struct DocBlock: Sendable {
  let file: String
  /// The line of the opening fence.
  let line: Int
  /// The fence's info string: `joule`, `joule-check`, `text`, ...
  let info: String
  let code: String
}

/// The documentation's code blocks as tests (docs/language.md, "Examples in the docs"):
///
/// - ```` ```joule ```` runs, every block of a file in one session (core and JouleKit builtins,
///   paths relative to the repository root); `# expect: text` comments give the printed lines,
///   `# expect error: text` the error it must end with.
/// - ```` ```joule-check ```` is parsed only (`joule check`); its first line says why it cannot
///   run in CI: `# check only: trains for an hour`.
/// - Every other fence names its language (`text`, `sh`, `ebnf`, `python`, `swift`), so no
///   runnable block goes unchecked by being left unlabelled.
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

@Suite struct DocumentationExamplesTests {
  @Test("documentation examples", arguments: DocumentationExamples.files)
  func documentationExamplesRunAsWritten(_ file: String) throws {
    let text = try String(contentsOf: JouleBinary.repositoryRoot.appendingPathComponent(file), encoding: .utf8)
    let out = BufferOutput()
    let session = DocumentationExamples.interpreter(out)
    for block in DocumentationExamples.blocks(in: text, file: file) {
      let at = "\(file):\(block.line)"
      switch block.info {
      case "joule":
        let expected = DocumentationExamples.expectations(block.code)
        let before = out.text.count
        var thrown: ScriptError?
        do {
          _ = try session.run(block.code, file: at)
        } catch let e as ScriptError {
          thrown = e
        }
        var lines = String(out.text.dropFirst(before)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        #expect(lines == expected.output, "printed lines of the block at \(at)")
        switch (thrown, expected.error) {
        case (let e?, let want?): #expect(e.message.contains(want), "\(at): \(e.rendered)")
        case (let e?, nil): Issue.record("the block at \(at) failed: \(e.rendered)")
        case (nil, let want?): Issue.record("the block at \(at) should fail with '\(want)'")
        case (nil, nil): break
        }
      case "joule-check":
        let firstLine = block.code.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("# check only: "), "\(at): a check-only block's first line says why it does not run")
        do {
          try Parser.check(block.code, file: at)
        } catch let e as ScriptError {
          Issue.record("the block at \(at) does not parse: \(e.rendered)")
        }
      case let other:
        #expect(DocumentationExamples.otherLanguages.contains(other),
                "\(at): a fence names its language (joule, joule-check, \(DocumentationExamples.otherLanguages.sorted().joined(separator: ", "))); got '\(other)'")
      }
    }
  }

  @Test("prompt transcripts parse", arguments: DocumentationExamples.files)
  func promptTranscriptsParse(_ file: String) throws {
    let text = try String(contentsOf: JouleBinary.repositoryRoot.appendingPathComponent(file), encoding: .utf8)
    for (line, input) in DocumentationExamples.promptInputs(in: text) {
      do {
        try Parser.check(input, file: "\(file):\(line)")
      } catch let e as ScriptError {
        Issue.record("the prompt input at \(file):\(line) does not parse: \(e.rendered)")
      }
    }
  }

  @Test func theExtractorReadsFencesAndTheirInfoStrings() {
    let text = "intro\n```joule\nx = 1\nprint(x)   # expect: 1\n```\n\n  ```text\nraw\n  ```\n"
    let blocks = DocumentationExamples.blocks(in: text, file: "t.md")
    #expect(blocks.map(\.info) == ["joule", "text"])
    #expect(blocks.first?.line == 2)
    #expect(blocks.first?.code == "x = 1\nprint(x)   # expect: 1")
    #expect(DocumentationExamples.expectations(blocks[0].code).output == ["1"])
    let inputs = DocumentationExamples.promptInputs(in: "    joule> x = f(1,\n      ...>   2)\n    joule> :save a.jnb\n")
    #expect(inputs.map(\.input) == ["x = f(1,\n  2)"])
  }
}

/// Every example in a builtin's help: `call is result` runs and must equal the result; any
/// other call of a builtin written in its help must parse, unless `...` marks it a placeholder.
@Suite struct HelpExamplesTests {
  static var registry: BuiltinRegistry {
    let r = BuiltinRegistry.core()
    JouleKit.install(into: r)
    return r
  }

  /// The calls of builtins in `text` (`name(...)` with balanced brackets), each with the
  /// result it is said to give (`... is 6`), if any.
  static func examples(in text: String, names: Set<String>) -> [(call: String, result: String?)] {
    let chars = Array(text)
    var found: [(String, String?)] = []
    var i = 0
    while i < chars.count {
      guard chars[i].isLetter, i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_" || chars[i - 1] == ".") else {
        i += 1
        continue
      }
      var j = i
      while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
      let name = String(chars[i..<j])
      guard j < chars.count, chars[j] == "(", names.contains(name), let end = balanced(chars, from: j) else {
        i = j
        continue
      }
      let call = String(chars[i...end])
      // `space(...)`, `measure(..., subtract_idle: true)`: a placeholder names a builtin, it is no example.
      if call.contains("...") {
        i = end + 1
        continue
      }
      var result: String?
      let rest = String(chars[(end + 1)...])
      if rest.hasPrefix(" is ") {
        let r = Array(rest.dropFirst(4))
        if let first = r.first, "[{\"".contains(first), let close = balanced(r, from: 0) {
          result = String(r[0...close])
        } else {
          var k = 0
          while k < r.count, !r[k].isWhitespace, r[k] != ";", r[k] != ",", r[k] != ")" { k += 1 }
          var word = String(r[0..<k])
          while word.hasSuffix(".") { word.removeLast() }
          result = word
        }
      }
      found.append((call, result))
      i = end + 1
    }
    return found
  }

  /// The index of the bracket closing the one at `start` (quotes respected), or nil.
  static func balanced(_ c: [Character], from start: Int) -> Int? {
    var depth = 0
    var inString = false
    var k = start
    while k < c.count {
      let ch = c[k]
      if inString {
        if ch == "\\" { k += 1 } else if ch == "\"" { inString = false; if depth == 0 { return k } }
      } else if ch == "\"" {
        inString = true
      } else if "([{".contains(ch) {
        depth += 1
      } else if ")]}".contains(ch) {
        depth -= 1
        if depth == 0 { return k }
      }
      k += 1
    }
    return nil
  }

  @Test func everyHelpExampleGivesTheResultItStates() throws {
    let registry = Self.registry
    let names = Set(registry.names)
    var checked = 0
    for name in registry.names {
      guard let b = registry[name] else { continue }
      for text in [b.doc] + b.parameters.map(\.doc) {
        for example in Self.examples(in: text, names: names) {
          if let result = example.result {
            let out = BufferOutput()
            let session = Interpreter(registry: registry, output: out)
            do {
              let got = try session.run("got_value = \(example.call)\nwant_value = \(result)\ngot_value == want_value",
                                        file: "help(\(name))")
              #expect(got.isTruthy, "help(\(name)): \(example.call) is \(result), but gives \(session.global("got_value")?.shortDescription ?? "?")")
            } catch let e as ScriptError {
              Issue.record("help(\(name)): \(example.call) is \(result) fails: \(e.rendered)")
            }
            checked += 1
          } else {
            do {
              try Parser.check(example.call, file: "help(\(name))")
            } catch let e as ScriptError {
              Issue.record("help(\(name)): the example \(example.call) does not parse: \(e.message)")
            }
          }
        }
      }
    }
    #expect(checked >= 6, "only \(checked) help examples state a result")
  }

  @Test func examplesAreFoundWithTheirStatedResults() {
    let found = Self.examples(in: "The sum: sum([1, 2, 3]) is 6. Or join([1, 2], \", \") is \"1, 2\"; plot(x).",
                              names: ["sum", "join", "plot"])
    #expect(found.map(\.call) == ["sum([1, 2, 3])", "join([1, 2], \", \")", "plot(x)"])
    #expect(found.map(\.result) == ["6", "\"1, 2\"", nil])
  }
}
