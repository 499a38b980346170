import Energy
import Foundation
import Testing

private let model = CPUPowerModel(cpuModel: "Test CPU", logicalCPUs: 2, idleWatts: 10, maxWatts: 50, origin: "test")

@Test func estimateFollowsTheLinearModelOfUtilisation() {
  var cpu = 0.0
  let meter = EstimateMeter(model: model, cpuSeconds: { cpu }, residentBytes: { 2e9 }, start: 100)
  cpu = 1.0   // one CPU-second over one second on two CPUs: u = 0.5
  let d = meter.sample(at: 101)
  #expect(abs(d.first { $0.name == "cpu" }!.joules - 30) < 1e-9)
  // 2 GB resident at CodeCarbon's 0.375 W/GB for one second.
  #expect(abs(d.first { $0.name == "ram" }!.joules - 0.75) < 1e-9)
  cpu = 5.0   // more CPU time than possible (clock skew): u is capped at 1
  #expect(abs(meter.sample(at: 102).first { $0.name == "cpu" }!.joules - 80) < 1e-9)
}

@Test func cpuWattsComeFromTheEnvironmentTheTableOrTheDefault() {
  let both = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "10,45"], cpuinfo: nil, logicalCPUs: 2).model
  #expect(both.idleWatts == 10 && both.maxWatts == 45)
  let maxOnly = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "40"], cpuinfo: nil, logicalCPUs: 2).model
  #expect(maxOnly.maxWatts == 40 && abs(maxOnly.idleWatts - 40 * CPUPowerModel.idleFraction) < 1e-12)
  let epyc = CPUPowerModel.detect(environment: [:], cpuinfo: "model name\t: AMD EPYC 7763 64-Core Processor\n",
                                  logicalCPUs: 2).model
  #expect(abs(epyc.maxWatts - 280.0 / 128 * 2) < 1e-12)
  #expect(epyc.origin.contains("EPYC 7763"))
  let unknown = CPUPowerModel.detect(environment: [:], cpuinfo: "model name\t: AMD EPYC\n", logicalCPUs: 2).model
  #expect(abs(unknown.maxWatts - 85.0 / 16 * 2) < 1e-12)
  #expect(unknown.description.contains("not in joule's TDP table"))
}

@Test func aMalformedCPUWattsSettingIsReportedAndIgnored() {
  let (m, note) = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "45,10"], cpuinfo: nil, logicalCPUs: 4)
  #expect(note?.contains("JOULE_CPU_WATTS='45,10' ignored") == true)
  #expect(m.maxWatts == 85.0 / 16 * 4)
}

@Test func thisMachineReportsWhatItReallyHas() {
  let sel = MeterSelection.detect()
  let rapl = sel.statuses.first { $0.source == "rapl" }!
  let estimate = sel.statuses.first { $0.source == "estimate" }!
  let hasRAPL = ((try? FileSystemPowercapReader().entries(in: "/sys/class/powercap")) ?? []).contains { $0.hasPrefix("intel-rapl:") }
  #expect(rapl.found == hasRAPL)
  if !rapl.readable {
    // No counter: the estimate is in use and says how it estimates.
    #expect(estimate.inUse)
    #expect(estimate.kind == .estimated)
    #expect(estimate.why.contains("P_idle") && estimate.why.contains("P_max") && estimate.why.contains("W/GB"))
    #expect(sel.monitor(interval: nil).isEstimated)
  }
}

@Test func theEstimateCountsEveryProcessOnTheMachineAsACounterWould() throws {
  // A child burns half a CPU-second while this process waits: RAPL would see it, so must the
  // estimate (joule's own CPU time alone would give P_idle · t and nothing more).
  let cpus = ProcStat.onlineCPUs()
  let machine = CPUPowerModel(cpuModel: "Test CPU", logicalCPUs: cpus, idleWatts: 10, maxWatts: 50, origin: "test")
  let t0 = MonotonicClock.now()
  let meter = EstimateMeter(model: machine, start: t0)
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
  p.arguments = ["-c", "import time\nwhile time.process_time() < 0.5: pass"]
  try p.run()
  p.waitUntilExit()
  let t1 = MonotonicClock.now()
  let cpu = meter.sample(at: t1).first { $0.name == "cpu" }!.joules
  #expect(cpu >= 10 * (t1 - t0) + 40 * 0.5 / Double(cpus) * 0.95, "\(cpu) J over \(t1 - t0) s")
  #expect(cpu <= 50 * (t1 - t0) * 1.0001)
  #expect(meter.modelDescription?.hasPrefix("whole machine") == true)
}

/// The estimate follows the machine's busy CPU time, so tests that burn CPU or expect idleness run one by one.
@Suite(.serialized) struct ProcessEstimateTests {
  @Test func busyWorkIsEstimatedWithATimelineAtTenHertzOrMore() {
    let monitor = MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": "/nonexistent", "JOULE_NVML_LIBRARY": "/nonexistent",
                                                     "JOULE_CPU_WATTS": "10,50"]).monitor(interval: 0.05)
    let w = monitor.begin()
    let end = MonotonicClock.now() + 0.5
    var x = 0.0
    while MonotonicClock.now() < end { x += sin(x) + 1 }
    #expect(x > 0)
    usleep(60_000)
    #expect(w.joulesSoFar > 0)
    let r = w.finish()
    #expect(r.estimated)
    #expect(r.source == "estimate(linear-tdp)")
    #expect(r.model?.contains("P_idle 10 W, P_max 50 W") == true)
    #expect(Double(r.timeline.count) / r.seconds >= 10)
    #expect(zip(r.timeline, r.timeline.dropFirst()).allSatisfy { $0.t < $1.t })
    // At least idle power, at most full power plus memory, over the window.
    #expect(r.joules(of: .cpu) >= 10 * r.seconds * 0.99 && r.joules(of: .cpu) <= 50 * r.seconds * 1.01)
  }

  @Test func idleMeasurementRemembersTheBaseline() {
    let monitor = MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": "/nonexistent", "JOULE_NVML_LIBRARY": "/nonexistent",
                                                     "JOULE_CPU_WATTS": "8,40"]).monitor(interval: 0.05)
    let r = monitor.measureIdle(seconds: 0.3)
    #expect(r != nil)
    // At least P_idle (8 W). Utilisation is the whole machine's busy CPU time, and other suites
    // (and programs) run alongside this one, so the upper bound is P_max plus memory power.
    #expect(monitor.idleWatts! >= 8 && monitor.idleWatts! < 40 + 5)
    #expect(monitor.measureIdle(seconds: 5, shouldStop: { true }) == nil)
  }
}
