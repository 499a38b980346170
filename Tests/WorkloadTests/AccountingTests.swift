import Energy
import Foundation
import Testing
import TestSupport
import Workload

/// The tree's CPU time, memory and share of the machine's energy.
@Suite struct AccountingTests {
  @Test func aBusyChildAndGrandchildAreCountedInTheTree() throws {
    // Two processes that each burn 0.4 s of CPU (CPU time, not wall time: the machine is shared).
    let burn = "python3 -c 'import time\nwhile time.process_time() < 0.4: pass'"
    let r = try CommandRunner().run(Command(["sh", "-c", "\(burn) & \(burn); wait"]))
    #expect(r.state == .ok)
    #expect(r.energy.cpuSeconds > 0.75)
    #expect(r.energy.peakRSSBytes > 1_000_000)
    #expect(r.energy.share > 0 && r.energy.share <= 1)
    #expect(r.energy.joules > 0)
    #expect(r.energy.joules <= r.energy.machineJoules + 1e-9)
    #expect(r.energy.attribution == CPUShare.method)
    #expect(r.energy.estimated == (r.energy.model != nil))
  }

  @Test func theEnergyWindowEndsWhenTheProgramDoesNotAtJoulesNextLook() throws {
    // `joule measure`'s setting: nothing captured, so no pipe wakes the runner. The window
    // must still close at the exit (the exit descriptor wakes the poll), not at the next 50 ms
    // turn of the loop: sleep 1 would otherwise be measured over up to 1.05 s.
    var c = Command(["sleep", "0.1"])
    c.capturesOutput = false
    let windows = try (0..<5).map { _ in try CommandRunner().run(c).energy.seconds }
    #expect(windows.allSatisfy { $0 >= 0.099 }, "\(windows)")
    let median = windows.sorted()[2]
    #expect(median < 0.13, "windows \(windows): the runner saw the exit late")
  }

  @Test func theSeriesHasOneRowPerIntervalWithDomains() throws {
    let runner = CommandRunner(seriesInterval: 0.1)
    let r = try runner.run(Command(["sleep", "0.55"]))
    #expect(r.series.count >= 4 && r.series.count <= 7)
    #expect(r.series.allSatisfy { !$0.domains.isEmpty && $0.seconds > 0 })
    let sum = r.series.flatMap(\.domains).reduce(0) { $0 + $1.joules }
    // The rows tile the window: together they hold about the machine's joules. Not exactly:
    // /proc/stat counts in 10 ms ticks, so a 100 ms row's busy time jitters, and an estimate
    // clamps a row whose utilisation reads above 100%.
    let total = r.energy.domains.reduce(0) { $0 + $1.joules }
    #expect(abs(sum - total) <= 0.25 * total + 0.05)
  }
}

extension AccountingTests {
  @Test func aGPUMeasuredByNVMLIsSharedByCPUTimeAndSaysSo() throws {
    let lib = try FakeNVML.build(watts: 40, counter: true)
    let selection = MeterSelection.detect(environment: ["JOULE_NVML_LIBRARY": lib, "JOULE_POWERCAP_ROOT": "/nonexistent"])
    let monitor = selection.monitor()
    let r = try CommandRunner(monitor: monitor).run(Command(["sleep", "0.3"]))
    let gpu = r.energy.domains.filter { $0.name.hasPrefix("nvml/") }
    #expect(gpu.count == 2)
    // Two fake GPUs at 40 W each over about 0.3 s: the whole GPUs' joules in the machine's.
    let gpuJoules = gpu.reduce(0) { $0 + $1.joules }
    #expect(gpuJoules > 2 * 40 * 0.25 && gpuJoules < 2 * 40 * 1.0)
    #expect(r.energy.machineJoules >= gpuJoules)
    #expect(r.energy.notes.contains { $0.contains("whole GPU") })
  }
}

extension AccountingTests {
  @Test func perProcessGPUUtilisationGivesTheTreeItsPartOfTheGPU() throws {
    let lib = try FakeNVML.build(watts: 40, counter: true, processes: true)
    let file = NSTemporaryDirectory() + "joule-fake-nvml-processes-\(getpid())"
    // pid 1 (not in the tree) keeps the GPU 20% busy; the program adds itself at 60%.
    try "1 20\n".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    setenv("FAKE_NVML_PROCESSES", file, 1)
    let monitor = MeterSelection.detect(environment: ["JOULE_NVML_LIBRARY": lib, "JOULE_POWERCAP_ROOT": "/nonexistent"])
      .monitor()
    let r = try CommandRunner(monitor: monitor).run(Command(["sh", "-c", "echo \"$$ 60\" >> \(file); sleep 0.6"]))
    let gpuJoules = r.energy.domains.filter { $0.name.hasPrefix("nvml/") }.reduce(0) { $0 + $1.joules }
    #expect(gpuJoules > 0)
    // Up to 60 / (60 + 20) of each GPU once the program is seen, less for the first sample.
    let part = r.energy.joules / gpuJoules
    #expect(part > 0.4 && part < 0.8)
    #expect(r.energy.notes.contains { $0.contains("NVML per-process samples") })
  }
}
