import Energy
import Foundation
import Testing
import TestSupport

@Test func nvmlTotalEnergyCounterGivesJoules() throws {
  let lib = try FakeNVML.build(watts: 50, counter: true)
  let meter = try NVMLMeter(library: NVMLLibrary.load(path: lib), visible: [0, 1])
  #expect(meter.gpus.map(\.hasEnergyCounter) == [true, true])
  let monitor = EnergyMonitor(meters: [meter], interval: nil)
  let w = monitor.begin()
  usleep(200_000)
  let r = w.finish()
  // Two GPUs at 50 W; the fake's clock and the monitor's are read microseconds apart.
  #expect(abs(r.joules - 100 * r.seconds) < 0.05)
  #expect(r.source == "nvml")
  #expect(!r.estimated)
}

@Test func nvmlWithoutCounterIntegratesSampledPower() throws {
  let lib = try FakeNVML.build(watts: 30, counter: false)
  let meter = try NVMLMeter(library: NVMLLibrary.load(path: lib), visible: [1])
  #expect(meter.gpus.map(\.hasEnergyCounter) == [false])
  #expect(meter.gpus[0].name == "Fake GPU 1")
  let monitor = EnergyMonitor(meters: [meter], interval: nil)
  let w = monitor.begin()
  for _ in 0..<3 {
    usleep(50_000)
    monitor.poll()
  }
  let r = w.finish()
  #expect(abs(r.joules - 30 * r.seconds) < 1e-6)
  #expect(r.domain("nvml", "gpu-1") != nil)
}

@Test func cudaVisibleDevicesChoosesTheGPUsMeasured() throws {
  let lib = try FakeNVML.build(watts: 40, counter: true)
  let sel = MeterSelection.detect(
    environment: ["JOULE_NVML_LIBRARY": lib, "CUDA_VISIBLE_DEVICES": "1", "JOULE_POWERCAP_ROOT": "/nonexistent"],
    cpuinfo: nil)
  let nvml = try #require(sel.meters.first { $0.source == "nvml" } as? NVMLMeter)
  #expect(nvml.gpus.map(\.index) == [1])
  let status = sel.statuses.first { $0.source == "nvml" }!
  #expect(status.inUse && status.readable)
  #expect(status.why.contains("gpu-1 Fake GPU 1 (energy counter)"))
  // RAPL is absent, so the CPU is still estimated and the whole is labelled so.
  #expect(sel.monitor(interval: nil).sourceLabel == "nvml+estimate(specpower-package)")
}

@Test func aLibraryMissingAFunctionIsReportedNotCrashed() throws {
  let lib = try FakeNVML.build(watts: 40, counter: true, omit: "nvmlDeviceGetPowerUsage")
  let sel = MeterSelection.detect(environment: ["JOULE_NVML_LIBRARY": lib, "JOULE_POWERCAP_ROOT": "/nonexistent"], cpuinfo: nil)
  let status = sel.statuses.first { $0.source == "nvml" }!
  #expect(status.found && !status.readable && !status.inUse)
  #expect(status.why.contains("nvmlDeviceGetPowerUsage"))
}

@Test func noDriverMeansNVMLNotFound() {
  let sel = MeterSelection.detect(environment: ["JOULE_NVML_LIBRARY": "/nonexistent/libnvidia-ml.so.1"], cpuinfo: nil)
  let status = sel.statuses.first { $0.source == "nvml" }!
  #expect(!status.found)
  #expect(status.why.hasPrefix("/nonexistent/libnvidia-ml.so.1 not found"))
}

@Test func cudaVisibleDevicesFollowsCUDARules() {
  #expect(VisibleDevices.parse(nil, count: 3).indices == [0, 1, 2])
  #expect(VisibleDevices.parse("", count: 3).indices == [])
  #expect(VisibleDevices.parse("2,0", count: 3).indices == [2, 0])
  let (cut, note) = VisibleDevices.parse("1,GPU-8a1b,0", count: 3)
  #expect(cut == [1])
  #expect(note?.contains("GPU-8a1b") == true)
  #expect(VisibleDevices.parse("5", count: 3).indices == [])
}
