import Foundation
import JouleKit
import Script
import Testing

/// `experiment` end to end: runs, protocol, storage and resume.
@Suite(.serialized) struct ExperimentTests {
  final class Calls: @unchecked Sendable { var count = 0; var stopAt: Int? }

  func interpreter(_ calls: Calls) -> (Interpreter, BufferOutput) {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    // Counts the runs; at the run asked for, stops as Ctrl-C would.
    registry.register(Builtin("count_run", doc: "test hook") { _, _ in
      calls.count += 1
      if calls.count == calls.stopAt { throw ScriptError(.interrupted, "interrupted") }
      return .int(calls.count)
    })
    let out = BufferOutput()
    return (Interpreter(registry: registry, output: out), out)
  }

  func store() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("joule-exp-\(UUID().uuidString).sqlite").path
  }

  func source(_ store: String) -> String {
    """
    fn run(r) {
      count_run()
      {accuracy: 0.8 + r.conv / 100}
    }
    e = experiment(run, factors: {conv: [1, 4], relu: [false, true]}, repeat: 3, seed: 7, study: "x", store: "\(store)")
    """
  }

  func runs(_ v: Value?) throws -> [Record] {
    guard case .host(let h)? = v, case .list(let rows)? = h.field("rows") else { throw ScriptError.runtime("no rows") }
    return rows.compactMap { if case .record(let r) = $0 { return r } else { return nil } }
  }

  @Test func anExperimentWhoseRunsKeepFailingFailsWithTheFirstErrorAndItsLine() throws {
    let calls = Calls()
    let (it, _) = interpreter(calls)
    let source = """
      fn run(r) {
        count_run()
        {a: 1} + {b: 2}
      }
      e = experiment(run, factors: {conv: [1, 4]}, repeat: 5, seed: 1)
      after = 1
      """
    do {
      _ = try it.run(source, file: "e.joule")
      Issue.record("the experiment returned")
    } catch let e as ScriptError {
      #expect(e.kind == .runtime)
      #expect(e.message.hasPrefix("experiment stopped after 3 trials in a row failed: cannot add record and record"), "\(e.message)")
      #expect(e.position?.file == "e.joule" && e.position?.line == 3, "\(e.rendered)")
      #expect(e.rendered.contains("{a: 1} + {b: 2}"))
    }
    #expect(calls.count == 3)
    #expect(it.global("after").map { if case .none = $0 { return true } else { return false } } ?? true)
  }

  @Test func aRunThatFailsOnceStillLetsTheExperimentFinish() throws {
    let calls = Calls()
    let (it, _) = interpreter(calls)
    let source = """
      fn run(r) {
        n = count_run()
        if n == 2 { nope } else { {accuracy: 0.5} }
      }
      e = experiment(run, factors: {conv: [1, 4]}, repeat: 2, seed: 1)
      """
    _ = try it.run(source, file: "e.joule")
    let rows = try runs(it.global("e"))
    #expect(rows.count == 4)
    let errors = rows.compactMap { r -> String? in if case .string(let s)? = r["error"] { return s } else { return nil } }
    // The stored error says where it happened.
    #expect(errors == ["e.joule:3:15: undefined variable 'nope'"], "\(errors)")
  }

  @Test func runsEveryCombinationTimesRepeatAndReturnsATable() throws {
    let calls = Calls()
    let (it, _) = interpreter(calls)
    _ = try it.run(source(store()), file: "e.joule")
    let rows = try runs(it.global("e"))
    #expect(calls.count == 12)
    #expect(rows.count == 12)
    let first = try #require(rows.first)
    for column in ["run", "conv", "relu", "repetition", "energy_j", "seconds", "accuracy", "estimated"] {
      #expect(first[column] != nil, "missing \(column)")
    }
    let keys = Set(rows.map { "\($0["conv"]!.shortDescription)-\($0["relu"]!.shortDescription)-\($0["repetition"]!.shortDescription)" })
    #expect(keys.count == 12)
  }

  @Test func anInterruptedExperimentResumesWithoutRedoingFinishedRuns() throws {
    let path = store()
    let calls = Calls()
    calls.stopAt = 5
    let (first, out) = interpreter(calls)
    _ = try first.run(source(path), file: "e.joule")
    #expect(out.text.contains("stopped (interrupted) after 4 of 12 runs; run again to resume"))
    let before = try runs(first.global("e"))
    #expect(before.count == 4)

    let again = Calls()
    let (second, _) = interpreter(again)
    _ = try second.run(source(path), file: "e.joule")
    let after = try runs(second.global("e"))
    // The interrupted run once more, then the seven never started: 8 calls, not 12.
    #expect(again.count == 8)
    #expect(after.count == 12)
    let keys = Set(after.map { "\($0["conv"]!.shortDescription)-\($0["relu"]!.shortDescription)-\($0["repetition"]!.shortDescription)" })
    #expect(keys.count == 12)
    // The four finished runs are the stored ones, unchanged.
    for r in before {
      let same = after.first { $0["run"]!.isEqual(to: r["run"]!) }
      #expect(same?["energy_j"]?.isEqual(to: r["energy_j"]!) == true)
    }
  }

  @Test func aDifferentDesignUnderTheSameNameIsRefused() throws {
    let path = store()
    let (it, _) = interpreter(Calls())
    _ = try it.run(source(path), file: "e.joule")
    let (other, _) = interpreter(Calls())
    #expect(throws: ScriptError.self) {
      try other.run(source(path).replacingOccurrences(of: "repeat: 3", with: "repeat: 4"), file: "e.joule")
    }
  }

  @Test func warmUpIsMeasuredApartAndReported() throws {
    let (it, out) = interpreter(Calls())
    _ = try it.run("""
      e = experiment(fn(r) { count_run() }, factors: {a: [1]}, repeat: 2, warmup: 0.3, rest: 0.05)
      w = e.warmup
      """, file: "e.joule")
    #expect(out.text.contains("experiment: warm-up"))
    guard case .record(let w)? = it.global("w") else { Issue.record("no warm-up record"); return }
    #expect((w["seconds"]?.number ?? 0) >= 0.25)
    #expect(try runs(it.global("e")).count == 2)
  }
}
