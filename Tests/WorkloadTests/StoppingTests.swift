import Foundation
import Testing
import Workload

/// A timeout, Ctrl-C or a pruner stops the whole tree, and nothing of it is left running.
@Suite struct StoppingTests {
  @Test func timeoutStopsTheWholeTreeIncludingADescendantThatLeftTheGroup() throws {
    let m = Leftovers.marker()
    // A background child in the group, one that left it with setsid, and the foreground sleep.
    var c = Command(["sh", "-c", "sleep \(m)1 & setsid sleep \(m)2 & sleep \(m)3"])
    c.timeout = 0.5
    c.gracePeriod = 0.5
    let r = try CommandRunner().run(c)
    #expect(r.state == .timeout)
    #expect(r.failure == "timed out after 0.5 s")
    #expect(r.seconds < 5)
    // The record keeps what the window measured until the stop.
    #expect(r.energy.machineJoules > 0)
    #expect(r.energy.seconds >= 0.5)
    #expect(Leftovers.settle(m).isEmpty)
  }

  @Test func aTreeThatIgnoresSIGTERMIsKilledAfterTheGracePeriod() throws {
    let m = Leftovers.marker()
    // An ignored signal stays ignored across exec, so the sleeps ignore SIGTERM too.
    var c = Command(["sh", "-c", "trap '' TERM; sleep \(m) & sleep \(m)"])
    c.timeout = 0.3
    c.gracePeriod = 0.4
    let r = try CommandRunner().run(c)
    #expect(r.state == .timeout)
    #expect(r.signal == SIGKILL)
    #expect(r.exitCode == 128 + SIGKILL)
    #expect(r.seconds >= 0.6)
    #expect(Leftovers.settle(m).isEmpty)
  }

  @Test func ctrlCStopsTheTreeAndKeepsTheEnergySpentSoFar() throws {
    let m = Leftovers.marker()
    let c = Command(["sh", "-c", "while :; do :; done & sleep \(m)"])
    let start = Date()
    let r = try CommandRunner().run(c, shouldStop: { Date().timeIntervalSince(start) > 1.0 })
    #expect(r.state == .interrupted)
    // On a loaded machine the busy loop may get a small part of a CPU: only ask for some.
    #expect(r.energy.cpuSeconds > 0)
    #expect(r.energy.joules > 0)
    #expect(Leftovers.settle(m).isEmpty)
    #expect(Leftovers.settle("while :; do :; done").isEmpty)
  }

  @Test func whatTheProgramLeftRunningEndsWithIt() throws {
    let m = Leftovers.marker()
    // The shell exits at once; its background sleep holds stdout open.
    let r = try CommandRunner().run(Command(["sh", "-c", "sleep \(m) & echo started"]))
    #expect(r.state == .ok)
    #expect(r.stdout.text == "started\n")
    #expect(r.seconds < 5)
    #expect(Leftovers.settle(m).isEmpty)
  }

  @Test func aReportCallbackCanStopTheProgram() throws {
    let m = Leftovers.marker()
    let script = "i=0; while [ $i -lt 50 ]; do i=$((i+1)); echo \"JOULE_REPORT {\\\"step\\\": $i, \\\"acc\\\": 0.$i}\"; sleep 0.05; done; sleep \(m)"
    var seen: [Int] = []
    let r = try CommandRunner().run(Command(["sh", "-c", script]), onReport: { report in
      seen.append(report.step ?? -1)
      return report.step == 3
    })
    #expect(r.state == .pruned)
    #expect(seen.prefix(3) == [1, 2, 3])
    #expect(r.reports.count < 10)
    #expect(r.reports.first?.values["acc"] == 0.1)
    #expect(Leftovers.settle(m).isEmpty)
  }

  @Test func theProgramIsReapedWhateverHappens() throws {
    for c in [Command(["sh", "-c", "exit 7"]), Command(["sh", "-c", "kill -TERM $$"])] {
      let r = try CommandRunner().run(c)
      // Reaped: its /proc entry is gone (a zombie would keep it).
      #expect(!FileManager.default.fileExists(atPath: "/proc/\(r.pid)"))
    }
    let killed = try CommandRunner().run(Command(["sh", "-c", "kill -TERM $$"]))
    #expect(killed.state == .failed)
    #expect(killed.signal == SIGTERM)
    #expect(killed.failure == "killed by signal 15")
  }
}
