import Energy
import Foundation
import Testing

/// A machine with a RAPL package whose counter advances as a known function of the load the
/// sweep applies, on a clock that jumps instead of waiting: a 105 s sweep takes milliseconds.
final class FakeLoadedMachine: LoadGenerator {
  let fx: PowercapFixture
  let cpus: Int
  let watts: (SweepWork, Double) -> Double
  var now = 1000.0
  var busy = 0.0
  var microjoules: UInt64 = 123_000_000
  let range: UInt64
  var applied: [(SweepWork, Double)] = []

  init(cpus: Int, range: UInt64 = 1_000_000_000, watts: @escaping (SweepWork, Double) -> Double) {
    self.cpus = cpus
    self.watts = watts
    self.range = range
    fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 123_000_000, range: range)
      .zone("intel-rapl:0:0", "core", energy: 0)
  }

  func run(load: Double, work: SweepWork, seconds: Double, shouldStop: @escaping () -> Bool) {
    applied.append((work, load))
    now += seconds
    busy += (work == .idle ? 0 : load) * seconds * Double(cpus)
    // The counter wraps at `range`, as the kernel's does.
    microjoules = (microjoules + UInt64((watts(work, load) * seconds * 1e6).rounded())) % range
    fx.set("intel-rapl:0", microjoules)
  }

  func calibrator(secondsPerPhase: Double = 5) -> Calibrator {
    var c = Calibrator(secondsPerPhase: secondsPerPhase)
    c.environment = ["JOULE_POWERCAP_ROOT": fx.root]
    c.cpuinfo = "processor\t: 0\nmodel name\t: Fake Xeon 4000 @ 2.0GHz\n"
    c.logicalCPUs = cpus
    c.generator = self
    c.clock = { [unowned self] in self.now }
    c.busyCPUSeconds = { [unowned self] in self.busy }
    return c
  }
}

/// A concave load curve, as SPECpower servers show: 14 W idle, 64 W at full load.
private func knownCurve(_ u: Double) -> Double { 14 + 50 * (1 - exp(-2.5 * u)) / (1 - exp(-2.5)) }

@Test func calibrationRecoversAKnownCurveFromThePowercapCounterWithinTwoPercent() throws {
  let machine = FakeLoadedMachine(cpus: 8) { _, load in knownCurve(load) }
  let c = try machine.calibrator().run()
  #expect(c.cpuModel == "Fake Xeon 4000 @ 2.0GHz")
  #expect(c.logicalCPUs == 8)
  for u in CPUCalibration.loads {
    let truth = knownCurve(u)
    #expect(abs(c.watts(utilisation: u) - truth) / truth < 0.02, "at load \(u): \(c.watts(utilisation: u)) W vs \(truth) W")
  }
  #expect(abs(c.idleWatts - 14) / 14 < 0.02)
  #expect(abs(c.maxWatts - 64) / 64 < 0.02)
  // The sweep the issue asks for: idle, then 10%…100% with scalar and vector work.
  #expect(machine.applied.filter { $0.0 == .idle }.count >= 1)
  for l in 1...10 {
    #expect(machine.applied.contains { $0.0 == .scalar && abs($0.1 - Double(l) / 10) < 1e-9 })
    #expect(machine.applied.contains { $0.0 == .vector && abs($0.1 - Double(l) / 10) < 1e-9 })
  }
  #expect(c.points.count == 21)
}

@Test func vectorAndScalarPowerAreAveragedIntoOneCurve() throws {
  // Vector work draws 10% more above idle than scalar; the estimate cannot tell them apart, so
  // the calibration is their mean.
  let machine = FakeLoadedMachine(cpus: 4) { work, load in
    20 + (work == .vector ? 44 : 40) * load
  }
  let c = try machine.calibrator().run()
  #expect(abs(c.maxWatts - 62) < 0.05)
  #expect(abs(c.watts(utilisation: 0.5) - 41) < 0.05)
  let vector = c.points.filter { $0.work == .vector && $0.load == 1 }.first!
  #expect(abs(vector.watts - 64) < 0.01)
}

@Test func aCurveThatDipsInTheNoiseIsFittedMonotone() throws {
  let dip: [Double: Double] = [0.5: -3]
  let machine = FakeLoadedMachine(cpus: 2) { _, load in 10 + 30 * load + (dip[load] ?? 0) }
  let c = try machine.calibrator().run()
  #expect(c.problem == nil)
  for i in 1..<c.curve.count { #expect(c.curve[i] >= c.curve[i - 1]) }
}

@Test func calibrationRefusesAnUnreadableCounterAndSaysTheFix() {
  let machine = FakeLoadedMachine(cpus: 2) { _, l in 10 + l }
  var c = machine.calibrator()
  c.reader = DenyingReader()
  #expect(throws: CalibrationError.noCounter(UnreadableCounter.message(root: machine.fx.root))) { try c.run() }
}

@Test func aStoppedSweepThrowsInterruptedAndWritesNothing() {
  let machine = FakeLoadedMachine(cpus: 2) { _, l in 10 + l }
  var c = machine.calibrator()
  c.shouldStop = { machine.applied.count > 4 }
  #expect(throws: CalibrationError.interrupted) { try c.run() }
}

@Test func aSavedCalibrationIsFoundByItsCPUModelThroughJouleCalibration() throws {
  let machine = FakeLoadedMachine(cpus: 8) { _, load in knownCurve(load) }
  let fitted = try machine.calibrator().run()
  let dir = NSTemporaryDirectory() + "joule-cal-" + UUID().uuidString
  defer { try? FileManager.default.removeItem(atPath: dir) }
  let file = dir + "/lab/calibration.json"
  var other = fitted
  other.cpuModel = "Other CPU"
  try CalibrationFile.save(other, to: file)
  let saved = try CalibrationFile.save(fitted, to: file)
  #expect(saved.sourcePath == file)

  let (found, note) = CalibrationFile.lookup(cpuModel: "Fake Xeon 4000 @ 2.0GHz", environment: ["JOULE_CALIBRATION": file])
  #expect(note == nil)
  let c = try #require(found)
  #expect(c.sourcePath == file)
  #expect(c.label == "calibrated (\(file), \(fitted.day))")
  #expect(c.curve == fitted.curve)
  #expect(c.idleWatts == fitted.idleWatts)
  #expect(c.points.count == 21)
  // Both CPUs are kept in the one file.
  #expect(try CalibrationFile.load(file).keys.sorted() == ["Fake Xeon 4000 @ 2.0GHz", "Other CPU"])
  // A VM with 2 of the 8 threads gets a quarter of the package.
  let vm = CPUPowerModel(cpuModel: c.cpuModel, logicalCPUs: 2, idleWatts: 1, maxWatts: 2, origin: "table").calibrated(by: c)
  #expect(abs(vm.watts(utilisation: 1) - c.maxWatts / 4) < 1e-9)

  let (none, why) = CalibrationFile.lookup(cpuModel: "AMD EPYC", environment: ["JOULE_CALIBRATION": file])
  #expect(none == nil)
  #expect(why?.contains("has no calibration for 'AMD EPYC'") == true)
}

@Test func thePerUserDefaultHonoursXDGConfigHome() {
  #expect(CalibrationFile.path(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"]) == "/cfg/joule/calibration.json")
  #expect(CalibrationFile.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/joule/calibration.json")
  #expect(CalibrationFile.path(environment: ["JOULE_CALIBRATION": "/x.json", "HOME": "/home/a"]) == "/x.json")
  // No file at the default is simply no calibration; a named file that is missing is a note.
  #expect(CalibrationFile.lookup(cpuModel: "X", environment: ["HOME": "/nonexistent"]).note == nil)
  #expect(CalibrationFile.lookup(cpuModel: "X", environment: ["JOULE_CALIBRATION": "/nonexistent/c.json"]).note?
    .contains("no such file") == true)
}

@Test func aMalformedCalibrationFileIsAClearErrorWithItsPlace() throws {
  let file = NSTemporaryDirectory() + "joule-cal-bad-" + UUID().uuidString + ".json"
  defer { try? FileManager.default.removeItem(atPath: file) }
  try """
    {"format": "joule-calibration", "version": 1, "cpus": {"X": {"logical_cpus": 4, "idle_w": 10, "max_w": 40,
     "curve": [0, 0.2, 0.1, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1], "date": "2026-12-06T22:40:00Z"}}}
    """.write(toFile: file, atomically: true, encoding: .utf8)
  #expect(throws: CalibrationError.file(file, "cpus → 'X': curve falls from 0.2 to 0.1 at load 0.2; it must not decrease")) {
    try CalibrationFile.load(file)
  }
  try "{\"format\": \"joule-calibration\", ".write(toFile: file, atomically: true, encoding: .utf8)
  let note = CalibrationFile.lookup(cpuModel: "X", environment: ["JOULE_CALIBRATION": file]).note ?? ""
  #expect(note.contains("not valid JSON"))
  // A broken file is not overwritten by a new calibration.
  let good = CPUCalibration(cpuModel: "Y", logicalCPUs: 1, idleWatts: 1, maxWatts: 2, curve: CPUCalibration.loads)
  #expect(throws: CalibrationError.self) { try CalibrationFile.save(good, to: file) }
}

@Test func theRealLoadGeneratorKeepsTheCPUsBusyAtTheAskedDutyCycle() {
  // The generator's own threads' CPU time at 50% against 100%, interleaved so that other
  // processes on a shared machine slow both alike. Thread clocks, not the process's: the test
  // suite runs other tests in this process at the same time. The ratio is a half on an idle
  // machine; on a crowded one it rises (the scheduler favours a thread that sleeps half the
  // time), so the bound is loose: it still fails a generator that never rests.
  var half = 0.0, full = 0.0
  for round in 0..<6 {
    let work: SweepWork = round % 2 == 0 ? .vector : .scalar
    full += DutyCycleLoad(threads: 1).busySeconds(load: 1, work: work, seconds: 0.1) { false }
    half += DutyCycleLoad(threads: 1).busySeconds(load: 0.5, work: work, seconds: 0.1) { false }
  }
  #expect(full > 0)
  let ratio = half / full
  #expect(ratio > 0.3 && ratio < 0.9, "CPU seconds at 50% over 100%: \(ratio)")
}

@Test func theEstimateUsesACalibrationOfThisCPUModelAndSaysSoWithTheFile() throws {
  let dir = NSTemporaryDirectory() + "joule-cal-use-" + UUID().uuidString
  defer { try? FileManager.default.removeItem(atPath: dir) }
  let file = dir + "/calibration.json"
  // "Test CPU" is the model name PowercapFixture's selection reads from its cpuinfo.
  let curve = [0, 0.3, 0.5, 0.62, 0.7, 0.77, 0.83, 0.88, 0.93, 0.97, 1]
  try CalibrationFile.save(CPUCalibration(cpuModel: "Test CPU", logicalCPUs: 4, idleWatts: 12, maxWatts: 60, curve: curve), to: file)
  let fx = PowercapFixture()
  let sel = MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": fx.root, "JOULE_NVML_LIBRARY": "/nonexistent/libnvidia-ml.so.1",
                                                "JOULE_CALIBRATION": file],
                                  reader: FileSystemPowercapReader(), cpuinfo: "model name\t: Test CPU\n")
  let meter = try #require(sel.meters.first as? EstimateMeter)
  #expect(meter.model.label == "calibrated")
  #expect(meter.modelDescription?.contains("calibrated (\(file), ") == true)
  #expect(sel.statuses.first { $0.source == "estimate" }!.why.contains("calibrated (\(file), "))
  #expect(sel.monitor(interval: nil).sourceLabel == "estimate(calibrated)")

  // 10 s at u = 0.25 on 4 CPUs: the calibrated curve, not the table's line, gives the joules.
  let cal = try #require(CalibrationFile.lookup(cpuModel: "Test CPU", environment: ["JOULE_CALIBRATION": file]).0)
  var busy = 0.0
  let model = CPUPowerModel(cpuModel: "Test CPU", logicalCPUs: 4, idleWatts: 1, maxWatts: 2, origin: "unused").calibrated(by: cal)
  let m = EstimateMeter(model: model, cpuSeconds: { busy }, residentBytes: { 0 }, start: 0)
  busy = 10
  let cpu = m.sample(at: 10).first { $0.name == "cpu" }!.joules
  #expect(abs(cpu - (12 + 48 * 0.56) * 10) < 1e-9)
}

@Test func aCalibrationOfAnotherCPUIsANoteAndTheTableEstimateStays() throws {
  let dir = NSTemporaryDirectory() + "joule-cal-other-" + UUID().uuidString
  defer { try? FileManager.default.removeItem(atPath: dir) }
  let file = dir + "/calibration.json"
  try CalibrationFile.save(CPUCalibration(cpuModel: "Other CPU", logicalCPUs: 4, idleWatts: 12, maxWatts: 60,
                                          curve: CPUCalibration.loads), to: file)
  let fx = PowercapFixture()
  let sel = MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": fx.root, "JOULE_NVML_LIBRARY": "/nonexistent/libnvidia-ml.so.1",
                                                "JOULE_CALIBRATION": file],
                                  reader: FileSystemPowercapReader(), cpuinfo: "model name\t: Test CPU\n")
  #expect(sel.meters.first is EstimateMeter)
  #expect(sel.notes.contains { $0.contains("has no calibration for 'Test CPU'") })
}
