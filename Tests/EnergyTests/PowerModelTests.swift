import Energy
import Foundation
import Testing

@Test func aVMGetsItsVCPUsShareOfTheHostPackageNotADesktopsThreads() throws {
  let vm = CPUPowerModel.make(for: MachineProfile.detect(files: try machineFixture("azure-d2as-v5")), scope: .package)
  let fit = PowerModelFit.for(.server2017)
  // 2 vCPUs of a 64-core (128-thread) EPYC 7763 at 280 W.
  #expect(abs(vm.maxWatts - fit.maxFractionOfTDP * 280 * 2 / 128) < 1e-9)
  #expect(vm.origin.contains("VM (Microsoft Azure"))
  let bare = CPUPowerModel.make(for: MachineProfile.detect(files: try machineFixture("dell-r630-e5-2620v3")), scope: .package)
  #expect(abs(bare.maxWatts - PowerModelFit.for(.server2012).maxFractionOfTDP * 85 * 2) < 1e-9)
  #expect(bare.origin.contains("× 2 sockets"))
}

@Test func aNameTheTableMissesIsSizedByItsGenerationBeforeAnyDefault() throws {
  let m = CPUPowerModel.make(for: MachineProfile.detect(files: try machineFixture("firecracker")), scope: .package)
  #expect(m.origin.contains("zen4: as its AMD EPYC 9654"))
  #expect(abs(m.maxWatts - PowerModelFit.for(.server2017).maxFractionOfTDP * 360 * 2 / 192) < 1e-9)
  // CodeCarbon's default is per package: per socket on bare metal, per 16 vCPUs in a VM.
  let unknown = CPUPowerModel.make(for: .named("Mystery CPU", threads: 256, sockets: 2), scope: .package)
  #expect(unknown.origin.contains("CodeCarbon's default 85 W × 2 sockets"))
  #expect(abs(unknown.maxWatts - PowerModelFit.for(.client).maxFractionOfTDP * 85 * 2) < 1e-9)
  let vm = CPUPowerModel.make(for: .named("Mystery CPU", threads: 32, vm: true), scope: .package)
  #expect(vm.origin.contains("CodeCarbon's default 85 W over 16 threads"))
}

@Test func theScopeComesFromTheEnvironment() throws {
  let files = try machineFixture("dell-r630-e5-2620v3")
  let package = CPUPowerModel.detect(environment: [:], files: files)
  #expect(package.model.scope == .package && package.model.label == "specpower-package" && package.note == nil)
  let wall = CPUPowerModel.detect(environment: ["JOULE_ENERGY_SCOPE": "wall"], files: files).model
  #expect(wall.scope == .wall && wall.label == "specpower-wall")
  // The plug sees the platform and the power supply's loss on top of the packages.
  #expect(wall.watts(utilisation: 0) > package.model.watts(utilisation: 0))
  #expect(wall.description.contains("memory inside the wall figure"))
  let bad = CPUPowerModel.detect(environment: ["JOULE_ENERGY_SCOPE": "plug"], files: files)
  #expect(bad.model.scope == .package)
  #expect(bad.note?.contains("JOULE_ENERGY_SCOPE='plug' ignored") == true)
}

@Test func theIntervalContainsThePointFigureAtEveryLoad() throws {
  for scope in EnergyScope.allCases {
    let m = CPUPowerModel.make(for: MachineProfile.detect(files: try machineFixture("aws-c7a-large")), scope: scope)
    for u in stride(from: 0.0, through: 1.0, by: 0.05) {
      let i = m.interval(utilisation: u)
      #expect(i.low < m.watts(utilisation: u) && m.watts(utilisation: u) < i.high, "\(scope) at \(u)")
    }
  }
}

@Test func theExtremesSpanTheFittedIdleFractionAndCurveRanges() throws {
  let m = CPUPowerModel.make(for: .named("Intel Xeon Platinum 8380", sockets: 2), scope: .package)
  let corners = m.extremes
  #expect(corners.count == 4)
  let fit = PowerModelFit.for(.server2017)
  #expect(Set(corners.map { ($0.idleFraction * 1e6).rounded() }) ==
          Set([fit.idleFractionRange.low, fit.idleFractionRange.high].map { ($0 * 1e6).rounded() }))
  #expect(corners.allSatisfy { $0.maxWatts == m.maxWatts })
  // At half load the corners bracket the point model.
  let half = corners.map { $0.watts(utilisation: 0.5) }
  #expect(half.min()! <= m.watts(utilisation: 0.5) && m.watts(utilisation: 0.5) <= half.max()!)
  // Given parameters have no range: the model is its only extreme.
  let given = CPUPowerModel.detect(environment: ["JOULE_CPU_WATTS": "10,45"], machine: .named("Mystery CPU")).model
  #expect(given.extremes == [given])
}

@Test func powerRisesWithLoadFromIdleToFull() {
  for segment in CPUGeneration.Segment.allCases {
    let c = PowerModelFit.for(segment).curve
    #expect(c.points.first == 0 && c.points.last == 1)
    #expect(zip(c.points, c.points.dropFirst()).allSatisfy { $0 <= $1 }, "\(segment)")
  }
}

@Test func aWallScopeMonitorLabelsItsReadingsWall() {
  let monitor = MeterSelection.detect(environment: ["JOULE_POWERCAP_ROOT": "/nonexistent", "JOULE_NVML_LIBRARY": "/nonexistent",
                                                   "JOULE_ENERGY_SCOPE": "wall"]).monitor(interval: nil)
  let w = monitor.begin()
  usleep(20_000)
  let r = w.finish()
  #expect(r.scope == .wall)
  #expect(r.source == "estimate(specpower-wall)")
  #expect(r.model?.contains("specpower-wall") == true)
  let i = try! #require(r.interval)
  #expect(i.low <= r.joules && r.joules <= i.high)
  // Idle subtraction moves the interval with the figure.
  let less = r.subtractingIdle(watts: r.watts / 2)
  #expect(abs((r.joules - less.joules) - (i.low - less.interval!.low)) < 1e-9)
}

@Test func aWindowsJoulesCanBeRecomputedFromItsSecondsAndBusyTime() {
  let m = CPUPowerModel.make(for: .named("AMD EPYC 7763 64-Core Processor", threads: 128), scope: .package)
  // 10 s with 320 busy CPU-seconds on 128 CPUs: u = 0.25 throughout.
  #expect(abs(m.joules(seconds: 10, busyCPUSeconds: 320) - 10 * m.watts(utilisation: 0.25)) < 1e-9)
  #expect(m.joules(seconds: 0, busyCPUSeconds: 0) == 0)
  let corners = m.extremes.map { $0.joules(seconds: 10, busyCPUSeconds: 320) }
  #expect(Set(corners).count == 4)
}

@Test func aGenerationTheWallFitNeverSawTakesItsPredecessorsFactorOrNoneAsChosen() {
  for regression in [PowerModelFit.wallIdle, PowerModelFit.wallMax] {
    // The script chose, by the held-out score, whether unseen generations inherit.
    let ice = regression.inheritsFactors ? regression.factor("ice-lake-sp") : 1
    let zen4 = regression.inheritsFactors ? regression.factor("zen4") : 1
    #expect(regression.factor("sapphire-rapids") == ice)
    #expect(regression.factor("granite-rapids") == ice)
    #expect(regression.factor("zen5") == zen4)
    #expect(regression.factor("a generation nobody fitted") == 1)
  }
}

@Test func theWallGenerationKeyFollowsTheFitScriptsNames() {
  let names = ["Intel Xeon Platinum 8480+": "sapphire-rapids", "Intel Xeon Gold 6548Y+": "emerald-rapids",
               "Intel Xeon 6980P": "granite-rapids", "AMD EPYC 9654 96-Core Processor": "zen4",
               "AMD EPYC 9755": "zen5", "AMD EPYC 7763 64-Core Processor": "zen3",
               "Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz": "haswell", "Intel(R) Xeon(R) CPU E3-1240 V2 @ 3.40GHz": "client",
               "AMD Ryzen Threadripper 1950X 16-Core Processor": "client", "AMD EPYC": ""]
  for (name, key) in names {
    #expect((CPUGeneration.fitKey(cpuName: name) ?? "") == key, "\(name)")
  }
}

@Test func theWallScopeReadsTheMachinesMemory() {
  let small = CPUPowerModel.make(for: .named("Intel Xeon Platinum 8380", sockets: 2, memoryGB: 64), scope: .wall)
  let large = CPUPowerModel.make(for: .named("Intel Xeon Platinum 8380", sockets: 2, memoryGB: 1024), scope: .wall)
  #expect(large.watts(utilisation: 0) > small.watts(utilisation: 0))
  #expect(large.origin.contains("memory 1024 GB") && large.origin.contains("generation ice-lake-sp"))
  let unknown = CPUPowerModel.make(for: .named("Intel Xeon Platinum 8380", sockets: 2), scope: .wall)
  #expect(unknown.origin.contains("memory unknown, taken as"))
}

@Test func aNamesSegmentIsItsGenerations() {
  let names: [String: CPUGeneration.Segment?] = [
    "Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz": .server2012, "Intel Xeon Platinum 8380": .server2017,
    "Intel(R) Xeon(R) CPU E3-1240 V2 @ 3.40GHz": .client, "AMD Opteron 6174": .server2009,
    "Intel Xeon X5670": .server2009, "AMD EPYC 7763 64-Core Processor": .server2017, "AMD EPYC": nil]
  for (name, segment) in names {
    #expect(CPUGeneration.Segment(cpuName: name) == segment, "\(name)")
  }
}

@Test func theWallScopeNeverPredictsFewerWattsForMoreHardware() {
  // The fit admits only monotone regressions (scripts/power_model_wall.py): a server with more
  // threads, memory or chips of the same CPU never reads lower at idle or at full load.
  func wall(threads: Int, sockets: Int, memoryGB: Double) -> (Double, Double) {
    let m = CPUPowerModel.make(for: .named("AMD EPYC 9654 96-Core Processor", threads: threads, sockets: sockets,
                                           memoryGB: memoryGB), scope: .wall)
    return (m.watts(utilisation: 0), m.watts(utilisation: 1))
  }
  let base = wall(threads: 192, sockets: 1, memoryGB: 384)
  for bigger in [wall(threads: 384, sockets: 1, memoryGB: 384), wall(threads: 384, sockets: 2, memoryGB: 384),
                 wall(threads: 192, sockets: 1, memoryGB: 1536)] {
    #expect(bigger.0 >= base.0 && bigger.1 >= base.1)
  }
}
