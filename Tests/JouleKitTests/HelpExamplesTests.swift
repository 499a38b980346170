import Foundation
import JouleKit
import Script
import Testing
import TestSupport

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
