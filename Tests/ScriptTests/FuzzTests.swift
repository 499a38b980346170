import Foundation
import Script
import Testing

/// Thousands of mutated and random programs through the parser and the interpreter: each must
/// finish or throw a `ScriptError`. A crash fails the whole test run, which is the point.
struct FuzzTests {
  static let tokens = [
    "(", ")", "[", "]", "{", "}", "\"", ",", ":", ".", "|>", "=", "+=", "+", "-", "*", "/", "//", "%",
    "**", "==", "<", "not", "and", "or", "in", "fn", "fn(x) { x }", "if", "else", "for", "while", "return",
    "break", "continue", "nil", "true", "x", "xs", "0", "-1", "1e308", "99999999999999999999", "\\", "\n",
    "#", "\"{", "}\"", "range(", "print(", "len(", "[1, 2]", "{a: 1}", "\t", "é", "\u{0}",
  ]

  static var corpus: [String] {
    ScriptFile.all.compactMap { try? String(contentsOfFile: $0.path, encoding: .utf8) }
  }

  static func mutate(_ program: String, _ rng: inout SplitMix) -> String {
    var chars = Array(program.unicodeScalars)
    let edits = 1 + Int(rng.next() % 4)
    for _ in 0..<edits {
      let at = chars.isEmpty ? 0 : Int(rng.next() % UInt64(chars.count))
      switch rng.next() % 6 {
      case 0:  // delete a run
        let n = min(chars.count - at, 1 + Int(rng.next() % 8))
        if n > 0 { chars.removeSubrange(at..<at + n) }
      case 1, 2:  // insert a token
        chars.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))].unicodeScalars, at: at)
      case 3:  // duplicate a slice
        let n = min(chars.count - at, Int(rng.next() % 40))
        chars.insert(contentsOf: chars[at..<at + n], at: at)
      case 4:  // a random byte
        chars.insert(Unicode.Scalar(UInt8(truncatingIfNeeded: rng.next() % 128)), at: at)
      default:  // swap two characters
        if !chars.isEmpty {
          let other = Int(rng.next() % UInt64(chars.count))
          chars.swapAt(at, other)
        }
      }
    }
    return String(String.UnicodeScalarView(chars))
  }

  @Test func mutatedTestScriptsNeverCrash() {
    let corpus = Self.corpus
    #expect(!corpus.isEmpty)
    var rng = SplitMix(seed: 2023)
    let start = Date()
    var count = 0
    for round in 0..<60 {
      for program in corpus {
        let source = Self.mutate(program, &rng)
        #expect(RobustnessTests.survives(source, stepLimit: 20_000), "round \(round): \(source)")
        count += 1
      }
      if Date().timeIntervalSince(start) > 15 { break }
    }
    #expect(count >= 1000)
  }

  @Test func randomTokenSoupNeverCrashes() {
    var rng = SplitMix(seed: 99)
    for _ in 0..<1500 {
      let n = Int(rng.next() % 30)
      let source = (0..<n).map { _ in Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))] }.joined(separator: " ")
      #expect(RobustnessTests.survives(source, stepLimit: 20_000), "\(source)")
    }
  }
}
