import Foundation
import Script
import Testing

/// Malformed input of every kind ends in a `ScriptError`, never a crashed process.
struct RobustnessTests {
  /// Runs `source`; true when it finished or threw a ScriptError (anything else is a bug).
  static func survives(_ source: String, stepLimit: Int = 50_000) -> Bool {
    let interp = Interpreter(registry: FuzzRegistry.make(), output: BufferOutput())
    interp.stepLimit = stepLimit
    _ = Parser.isComplete(source)
    do {
      _ = try interp.run(source, file: "fuzz")
      return true
    } catch is ScriptError {
      return true
    } catch {
      return false
    }
  }

  static func error(_ source: String) -> ScriptError? {
    do {
      _ = try Interpreter(registry: .core(), output: BufferOutput()).run(source, file: "r")
      return nil
    } catch {
      return error as? ScriptError
    }
  }

  @Test(arguments: ["(", "[", "{", "f(", "\"{"])
  func tenThousandNestedBracketsGiveAnError(_ open: String) throws {
    let source = String(repeating: open, count: 10_000) + "1"
    let e = try #require(Self.error(source))
    #expect(e.kind == .syntax)
  }

  @Test func tenThousandBalancedBracketsGiveAnError() throws {
    let source = "x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let e = try #require(Self.error(source))
    #expect(e.message.contains("too deeply nested"))
  }

  @Test(arguments: ["-", "not ", "- -", "2 ** "])
  func longPrefixChainsGiveAnErrorOrAValue(_ op: String) {
    #expect(Self.survives(String(repeating: op, count: 10_000) + "1"))
  }

  @Test func nestingBelowTheLimitStillWorks() throws {
    let source = String(repeating: "(", count: 200) + "7" + String(repeating: ")", count: 200)
    #expect(try Interpreter(registry: .core(), output: BufferOutput()).run(source, file: "r").isEqual(to: .int(7)))
  }

  @Test func binaryBytesGiveAnError() throws {
    var rng = SplitMix(seed: 7)
    for _ in 0..<200 {
      let bytes = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      #expect(Self.survives(String(decoding: bytes, as: UTF8.self)))
    }
    let e = try #require(Self.error("x = \u{0}"))
    #expect(e.message == "unexpected character 'U+0'")
  }

  @Test func hugeNumbersBecomeFloatsOrClearErrors() throws {
    #expect(try Interpreter(registry: .core(), output: BufferOutput())
      .run("99999999999999999999", file: "r").isEqual(to: .float(1e20)))
    let e = try #require(Self.error("x = 1" + String(repeating: "0", count: 400)))
    #expect(e.message.hasPrefix("number too large"))
    #expect(Self.error("range(1000000000000)")?.message.contains("too many") == true)
    #expect(Self.error("[0] * 1000000000000")?.message.contains("too large") == true)
  }

  @Test func unterminatedThingsGiveErrors() {
    for source in ["\"abc", "\"abc {", "\"{\"", "fn f(", "x = [1, 2", "{a: ", "if x {", "\"\\"] {
      #expect(Self.error(source)?.kind == .syntax, "\(source)")
    }
  }

  @Test func deepUserRecursionIsAnErrorNotACrash() throws {
    let e = try #require(Self.error("fn f(n) { 1 + f(n + 1) }\nf(0)"))
    #expect(e.message.contains("recursion too deep"))
    let mutual = try #require(Self.error("fn a(n) { b(n) }\nfn b(n) { a(n) }\na(1)"))
    #expect(mutual.message.contains("recursion too deep"))
  }
}

/// The core builtins minus those that wait or write files: safe for random programs.
enum FuzzRegistry {
  static func make() -> BuiltinRegistry {
    let core = BuiltinRegistry.core()
    let r = BuiltinRegistry()
    for name in core.names where !["sleep", "source", "write_csv", "write_json"].contains(name) {
      r.register(core[name]!)
    }
    return r
  }
}

/// A small deterministic generator, so a failing fuzz case can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
