import Foundation
import Testing
import TestSupport

/// A trial's energy sampler (the thread that follows its process tree's CPU time while trials
/// share the machine) ends with the trial, whatever the objective returned: a `command()`
/// record (already a share), a record without energy fields, or a configuration error.
@Suite struct TrialSamplerThreadTests {
  @Test func noSamplerThreadOutlivesItsTrialWhateverTheObjectiveReturns() throws {
    let home = try TemporaryFolder()
    let tty = try PseudoTerminal(executable: JouleBinary.url.path, environment: [
      "HOME": home.url.path, "XDG_STATE_HOME": home.path("state"), "TERM": "xterm", "PATH": "/usr/bin:/bin",
      // Trials at the prompt take their CPU share, as workers' trials do.
      "JOULE_ATTRIBUTE": "cpu-share",
    ])
    try tty.expectPrompt()
    let objectives = [
      ("a command() record", #"fn(p) { command(["sleep", "0.2"]) }"#, #"maximize: "seconds""#),
      ("a record without energy fields", "fn(p) { sleep(0.2); {score: p.x} }", #"maximize: "score""#),
      ("a configuration error", #"fn(p) { sleep(0.2); "not a number" }"#, #"maximize: "value""#),
    ]
    for (what, objective, metric) in objectives {
      // Watch the threads while the trials run.
      let seen = NSCondition()
      nonisolated(unsafe) var saw = false
      let pid = tty.pid
      Thread {
        let end = Date().addingTimeInterval(3)
        while Date() < end {
          if ProcessTable.threadNames(of: pid).contains("joule treeshare") {
            seen.lock(); saw = true; seen.unlock()
            return
          }
          usleep(5_000)
        }
      }.start()
      func sawSampler() -> Bool { seen.lock(); defer { seen.unlock() }; return saw }
      tty.type("s = tune(\(objective), space(x: uniform(0, 1)), strategy: \"random\", trials: 2, \(metric))\r")
      try tty.expectPrompt(timeout: 30)
      // The thread wakes from its wait as soon as the trial ends; allow it a moment to return.
      #expect(sawSampler(), "no sampler ran during \(what)'s trials: the check would prove nothing")
      let gone = ProcessTable.wait(1) { !ProcessTable.threadNames(of: tty.pid).contains("joule treeshare") }
      #expect(gone, "a sampler thread outlived \(what): \(ProcessTable.threadNames(of: tty.pid))")
    }
  }
}
