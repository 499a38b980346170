import Foundation
import JouleKit
import Script
import TestSupport
import Testing

/// Reads a stored study through the language, as an analyst would.
private func stored(_ store: String, _ expression: String) throws -> Value {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  return try Interpreter(registry: registry, output: BufferOutput()).run(
    "s = load_study(\"kill\", store: \"\(store)\")\n\(expression)", file: "check.jl")
}

private func strings(_ v: Value) -> [String] {
  guard case .list(let l) = v else { return [] }
  return l.map(\.shortDescription)
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: JouleBinary.url.path)))
func aStudyKilledMidTrialResumesWithEveryTrialOnce() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-resume-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let store = dir.appendingPathComponent("studies.sqlite").path
  let script = dir.appendingPathComponent("study.joule")
  try """
    sp = space(x: uniform(0, 1), k: choice(1, 2, 3))
    s = tune(fn(p) { sleep(0.4); p.x * p.k }, sp, strategy: "random", trials: 8, seed: 5, study: "kill", maximize: "value")
    print("finished {s.finished}")
    """.write(to: script, atomically: true, encoding: .utf8)

  // First run: kill it with SIGKILL once three trials are stored and the fourth is running.
  let p = Process()
  p.executableURL = JouleBinary.url
  p.arguments = ["run", script.path]
  p.standardOutput = FileHandle.nullDevice
  p.standardError = FileHandle.nullDevice
  try p.run()
  let deadline = Date().addingTimeInterval(60)
  var killed = false
  while Date() < deadline && p.isRunning {
    usleep(50_000)
    guard FileManager.default.fileExists(atPath: store),
          let states = try? strings(stored(store, "map(s.trials, fn(t) { t.state })")) else { continue }
    if states.filter({ $0 == "\"complete\"" }).count >= 3 && states.last == "\"running\"" {
      kill(p.processIdentifier, SIGKILL)
      killed = true
      break
    }
  }
  p.waitUntilExit()
  try #require(killed, "the study finished or stalled before it could be killed")
  #expect(p.terminationReason == .uncaughtSignal)

  // Second run resumes: the running trial's worker is gone, so it is stale and is run again.
  let second = try JouleBinary.run(["run", script.path])
  #expect(second.status == 0, "\(second.stderr)")
  #expect(second.stdout.contains("finished 8"))

  let states = strings(try stored(store, "map(s.trials, fn(t) { t.state })"))
  #expect(states.filter { $0 == "\"complete\"" }.count == 8)
  #expect(states.filter { $0 == "\"stale\"" }.count == 1)
  #expect(!states.contains("\"running\""))
  // Every finished trial once: the complete trials' parameters are exactly those of an uninterrupted run.
  let resumed = strings(try stored(store, "map(filter(s.trials, fn(t) { t.state == \"complete\" }), fn(t) { t.params })"))
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  let fresh = try Interpreter(registry: registry, output: BufferOutput()).run("""
    sp = space(x: uniform(0, 1), k: choice(1, 2, 3))
    s = tune(fn(p) { p.x * p.k }, sp, strategy: "random", trials: 8, seed: 5, maximize: "value")
    map(s.trials, fn(t) { t.params })
    """, file: "fresh.jl")
  #expect(resumed == strings(fresh))
  #expect(Set(resumed).count == 8)
}
