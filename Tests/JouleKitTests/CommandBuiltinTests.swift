import Foundation
import JouleKit
import Script
import Testing

/// `command()` as a script sees it: the record, the report hook, and tuning over programs.
@Suite(.serialized) struct CommandBuiltinTests {
  private func run(_ source: String) throws -> (Value, String) {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    let out = BufferOutput()
    let v = try Interpreter(registry: registry, output: out, scriptDirectory: NSTemporaryDirectory())
      .run(source, file: "command.joule")
    return (v, out.text)
  }

  private func same(_ a: Value?, _ b: Value) -> Bool { a?.isEqual(to: b) ?? false }

  private func record(_ v: Value) -> Record? {
    if case .record(let r) = v { return r }
    return nil
  }

  @Test func theRecordHoldsExitOutputMetricsReportsAndEnergy() throws {
    let (v, _) = try run(#"""
      command(["sh", "-c", "echo 'JOULE_REPORT \{\"step\": 1, \"acc\": 0.5\}'; echo '\{\"accuracy\": 0.9, \"tag\": \"a\"\}'; echo warn >&2"])
      """#)
    let r = try #require(record(v))
    #expect(same(r["exit_code"], .int(0)))
    #expect(same(r["state"], .string("ok")))
    #expect(same(r["stderr"], .string("warn\n")))
    #expect(same(r["stdout_truncated"], .bool(false)))
    #expect(same(r["metrics"], .record(Record([("accuracy", .float(0.9)), ("tag", .string("a"))]))))
    guard case .list(let reports)? = r["reports"], case .record(let first)? = reports.first else {
      Issue.record("no reports")
      return
    }
    #expect(same(first["step"], .int(1)))
    #expect(same(first["acc"], .float(0.5)))
    #expect(first["seconds"]?.number != nil)
    #expect(first["energy_j"]?.number != nil)
    for key in ["seconds", "cpu_seconds", "peak_rss_mb", "energy_j", "machine_energy_j"] {
      #expect(r[key]?.number != nil, "\(key)")
    }
    guard case .string(let source)? = r["energy_source"], case .bool(let estimated)? = r["estimated"] else {
      Issue.record("no energy source")
      return
    }
    #expect(source.hasSuffix(", cpu-share"))
    // An estimate always names its model.
    #expect((r["energy_model"] != nil) == estimated)
  }

  @Test func argumentsPassNumbersInFullPrecision() throws {
    let (v, _) = try run(#"command(["echo", 0.1, 1e-7, 3, true], env: {N: 2}, stdin: "ignored").stdout"#)
    #expect(same(v, .string("0.1 1e-07 3 true\n")))
  }

  @Test func aTimeoutIsAStateWithTheReason() throws {
    let (v, _) = try run(#"r = command(["sleep", "30"], timeout: 0.3)\#n{state: r.state, error: r.error}"#)
    #expect(same(v, .record(Record([("state", .string("timeout")), ("error", .string("timed out after 0.3 s"))]))))
  }

  @Test func aMissingProgramIsAnErrorNamingIt() {
    #expect {
      _ = try run(#"command(["joule-no-such-program", "--x"])"#)
    } throws: { error in
      "\(error)".contains("program 'joule-no-such-program' not found")
    }
  }

  @Test func eachReportReachesTheTrialHookWhichCanStopTheProgram() throws {
    var seen: [Int?] = []
    TrialReportHook.current = { step, values in
      seen.append(step)
      return values["acc"] ?? 0 >= 0.2
    }
    defer { TrialReportHook.current = nil }
    let (v, _) = try run(#"""
      command(["sh", "-c", "for i in 1 2 3 4 5 6 7 8; do echo \"JOULE_REPORT \{\\\"step\\\": $i, \\\"acc\\\": 0.$i\}\"; sleep 0.2; done"]).state
      """#)
    #expect(same(v, .string("pruned")))
    #expect(seen == [1, 2])
  }

  /// The hook is the running trial's: an interpreter on another thread (tests run many at once)
  /// neither reports into it nor is stopped by it. With one process-wide hook, the script here
  /// saw the other thread's hook, which stopped it.
  @Test func aTrialsReportHookIsNotSeenByAnotherThreadsProgram() throws {
    let set = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
    let calls = LockedCounter()
    Thread.detachNewThread {
      TrialReportHook.current = { _, _ in calls.increment(); return true }
      set.signal()
      done.wait()
      TrialReportHook.current = nil
    }
    set.wait()
    defer { done.signal() }
    let (v, _) = try run("report(0.5, step: 1)")
    #expect(same(v, .bool(false)))
    #expect(calls.value == 0)
    // The thread that sets a hook does see it in the programs it runs.
    TrialReportHook.current = { _, _ in calls.increment(); return false }
    defer { TrialReportHook.current = nil }
    _ = try run("report(0.5, step: 1)")
    #expect(calls.value == 1)
  }

  @Test func tuneReadsMetricsFailsTimeoutsAndStopsOnRepeatedFailures() throws {
    let (v, out) = try run(#"""
      s = tune(fn(p) {
        if p.x < 0.5 { command(["sleep", "5"], timeout: 0.2) } else { command(["echo", "\{\"accuracy\": {p.x}\}"]) }
      }, space(x: uniform(0, 1)), strategy: "grid", grid: 4, trials: 4, shuffle: false)
      {states: s.trials |> map(fn(t) { t.state }), errors: s.trials |> map(fn(t) { t.error }),
       estimated: s.trials |> map(fn(t) { t.estimated }), joules: s.trials |> map(fn(t) { t.energy_j }),
       best: best(s).accuracy}
      """#)
    let r = try #require(record(v))
    #expect(same(r["states"], .list([.string("failed"), .string("failed"), .string("complete"), .string("complete")])))
    #expect(same(r["errors"], .list([.string("timed out after 0.2 s"), .string("timed out after 0.2 s"), .none, .none])))
    #expect(same(r["best"], .float(0.75)))
    // Each trial carries the command's own joules and whether they were estimated.
    if case .list(let flags)? = r["estimated"], case .list(let joules)? = r["joules"] {
      #expect(flags.allSatisfy { if case .bool = $0 { return true } else { return false } })
      #expect(joules.allSatisfy { ($0.number ?? -1) >= 0 })
    } else {
      Issue.record("no energy per trial")
    }
    _ = out
  }

  @Test func aTuneWhoseCommandKeepsFailingFailsItsCallWithTheCommandsLine() throws {
    do {
      _ = try run("x = 1\nbad = tune(fn(p) {\n  command([\"joule-no-such-program\"])\n}, space(x: uniform(0, 1)), strategy: \"random\", trials: 10)")
      Issue.record("the tune returned")
    } catch let e as ScriptError {
      #expect(e.kind == .runtime)
      #expect(e.message.hasPrefix("tune stopped after 3 trials in a row failed: command: program 'joule-no-such-program' not found"),
              "\(e.message)")
      #expect(e.position?.line == 3, "\(e.rendered)")
    }
  }
}

/// A count shared between threads.
private final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.lock(); defer { lock.unlock() }; return count }
  func increment() { lock.lock(); count += 1; lock.unlock() }
}
