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
  // 2 GB resident at the fitted W/GB for one second.
  #expect(abs(d.first { $0.name == "ram" }!.joules - 2 * model.ramWattsPerGB) < 1e-9)
  // The interval's ends integrate the low and high power over the same second.
  let b = try! #require(meter.bounds)
  #expect(abs(b.low - (30 * model.intervalLow + 2 * model.ramWattsPerGB)) < 1e-9)
  #expect(abs(b.high - (30 * model.intervalHigh + 2 * model.ramWattsPerGB)) < 1e-9)
  #expect(b.busyCPUSeconds == 1)
  cpu = 5.0   // more CPU time than possible (clock skew): u is capped at 1
  #expect(abs(meter.sample(at: 102).first { $0.name == "cpu" }!.joules - 80) < 1e-9)
}

@Test func cpuWattsComeFromTheEnvironmentOrTheFittedModel() {
  let machine = MachineProfile.named("AMD EPYC 7763 64-Core Processor", threads: 2)
  let both = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "10,45"], machine: machine).model
  #expect(both.idleWatts == 10 && both.maxWatts == 45 && both.curve == .linear)
  let fitted = CPUPowerModel.detect(environment: [:], machine: machine).model
  let maxOnly = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "40"], machine: machine).model
  #expect(maxOnly.maxWatts == 40 && abs(maxOnly.idleWatts - 40 * fitted.idleFraction) < 1e-12)
  // Bare metal with the table's TDP: one 280 W package, shaped by the 2017-on servers' fit.
  #expect(abs(fitted.maxWatts - PowerModelFit.for(.server2017).maxFractionOfTDP * 280) < 1e-9)
  #expect(fitted.origin.contains("AMD EPYC 7763: TDP 280 W (CodeCarbon's table)"))
}

@Test func aMalformedCPUWattsSettingIsReportedAndIgnored() {
  let machine = MachineProfile.named("Intel Xeon E5-2620 v3", threads: 24, sockets: 2)
  let (m, note) = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "45,10"], machine: machine)
  #expect(note?.contains("JOULE_CPU_WATTS='45,10' ignored") == true)
  #expect(m == CPUPowerModel.detect(environment: [:], machine: machine).model)
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
    #expect(r.source == "estimate(fixed-package)")
    #expect(r.scope == .package)
    // The interval brackets the figure, and the window knows the busy CPU time it came from.
    let interval = try! #require(r.interval)
    #expect(interval.low < r.joules && r.joules < interval.high)
    #expect((r.busyCPUSeconds ?? 0) >= 0.4)
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
