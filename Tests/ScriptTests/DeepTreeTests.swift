import Foundation
import Script
import Testing

/// Programs whose syntax trees are very deep: a generated 200,000-term expression is a chain
/// 200,000 nodes deep, and freeing it must not recurse on whatever stack lets it go.
@Suite struct DeepTreeTests {
  static let terms = 200_000
  static var longSum: String { Array(repeating: "1", count: terms).joined(separator: " + ") }

  /// Runs `body` on a thread with a 512 KiB stack (a secondary thread's default, smaller than
  /// the main thread's 8 MiB), where a recursive teardown of such a tree overflows at once.
  func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      body()
      done.signal()
    }
    thread.stackSize = 512 << 10
    thread.start()
    done.wait()
  }

  @Test func aTwoHundredThousandTermExpressionRunsAndIsFreed() throws {
    let interp = Interpreter(registry: .core(), output: BufferOutput())
    let v = try interp.run("x = \(Self.longSum)\nx", file: "long.joule")
    #expect(v.number == Double(Self.terms))
  }

  @Test func checkingADeepExpressionOnASmallStackEndsCleanly() {
    let source = Self.longSum
    nonisolated(unsafe) var failure: Error?
    onSmallStack {
      do { try Parser.check(source, file: "long.joule") } catch { failure = error }
    }
    #expect(failure == nil)
  }

  @Test func aSyntaxErrorAfterADeepExpressionIsReportedNotACrash() {
    let source = Self.longSum + " + )"
    nonisolated(unsafe) var failure: ScriptError?
    onSmallStack {
      do { try Parser.check(source, file: "long.joule") } catch { failure = error as? ScriptError }
    }
    #expect(failure?.kind == .syntax)
    #expect(failure?.message.contains("expected an expression") == true)
  }

  @Test func aSessionHoldingADeepFunctionIsFreedOnASmallStack() {
    let source = "fn f() { \(Self.longSum) }\ny = f()\n"
    nonisolated(unsafe) var value: Double?
    onSmallStack {
      // The function outlives its run: the session's end is the last reference to its body.
      let interp = Interpreter(registry: .core(), output: BufferOutput())
      value = (try? interp.run(source, file: "f.joule")).flatMap { _ in interp.global("y")?.number }
    }
    #expect(value == Double(Self.terms))
  }

  @Test func aDeepCallChainIsFreedAfterItsRun() throws {
    // Postfix chains (calls, fields, indexes) are parsed in a loop too, so they grow as deep.
    let chain = "r = {a: {a: 1}}\nr" + String(repeating: ".b", count: 100_000) + " ?? 7"
    let interp = Interpreter(registry: .core(), output: BufferOutput())
    #expect(try interp.run(chain, file: "chain.joule").number == 7)
  }
}
