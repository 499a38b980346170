import Foundation
import JouleKit
import Script
import Testing
import TestSupport

/// README.md and docs/*.md: their `joule` blocks run, `joule-check` blocks and prompt transcripts
/// parse, every fence names its language (the conventions: `DocumentationExamples`).
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
