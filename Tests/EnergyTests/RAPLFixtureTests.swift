import Energy
import Foundation
import Testing

@Test func onePackageGivesTheCounterDifference() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 1_000_000)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 4_500_000)
  let r = w.finish()
  #expect(abs(r.joules - 3.5) < 1e-9)
  #expect(r.source == "rapl")
  #expect(!r.estimated)
  #expect(r.model == nil)
}

@Test func twoPackagesAreSummed() {
  let fx = PowercapFixture()
    .zone("intel-rapl:0", "package-0", energy: 10_000_000)
    .zone("intel-rapl:1", "package-1", energy: 20_000_000)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 12_000_000)
  fx.set("intel-rapl:1", 25_000_000)
  let r = w.finish()
  #expect(abs(r.joules - 7) < 1e-9)
  #expect(r.domain("rapl", "package-0") == 2)
  #expect(r.domain("rapl", "package-1") == 5)
}

@Test func nestedDomainsAreShownButNotAddedTwice() {
  // Layout of a laptop: package with core, uncore and dram subzones, plus psys beside it.
  let fx = PowercapFixture()
    .zone("intel-rapl:0", "package-0", energy: 0)
    .zone("intel-rapl:0:0", "core", energy: 0)
    .zone("intel-rapl:0:1", "uncore", energy: 0)
    .zone("intel-rapl:0:2", "dram", energy: 0)
    .zone("intel-rapl:1", "psys", energy: 0)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 10_000_000)
  fx.set("intel-rapl:0:0", 6_000_000)
  fx.set("intel-rapl:0:1", 1_000_000)
  fx.set("intel-rapl:0:2", 2_000_000)
  fx.set("intel-rapl:1", 15_000_000)
  let r = w.finish()
  // package (10) + dram (2); core, uncore (inside package) and psys (around it) are not added.
  #expect(abs(r.joules - 12) < 1e-9)
  #expect(r.domain("rapl", "core") == 6)
  #expect(r.domain("rapl", "psys") == 15)
  #expect(abs(r.joules(of: .ram) - 2) < 1e-9)
}

@Test func subzonesAreFoundInsideTheirPackageWithoutTopLevelLinks() {
  let fx = PowercapFixture()
    .zone("intel-rapl:0", "package-0", energy: 0)
    .zone("intel-rapl:0:0", "dram", energy: 0, link: false)
  let found = RAPLDiscovery.discover(root: fx.root)
  #expect(found.zones.map(\.domain) == ["package-0", "dram"])
}

@Test func psysCountsWhenThereIsNoPackage() {
  let fx = PowercapFixture().zone("intel-rapl:1", "psys", energy: 5_000_000)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:1", 8_000_000)
  #expect(abs(w.finish().joules - 3) < 1e-9)
}

@Test func subzonesOfSeveralPackagesAreNamedByPackage() {
  let fx = PowercapFixture()
    .zone("intel-rapl:0", "package-0", energy: 0).zone("intel-rapl:0:0", "dram", energy: 0)
    .zone("intel-rapl:1", "package-1", energy: 0).zone("intel-rapl:1:0", "dram", energy: 0)
  let found = RAPLDiscovery.discover(root: fx.root)
  #expect(found.zones.map(\.domain) == ["package-0", "dram-0", "package-1", "dram-1"])
}

@Test func aCounterThatWrapsBetweenReadsIsUnwrapped() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 900_000, range: 1_000_000)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 100_000)
  let r = w.finish()
  // 900,000 → 1,000,000 (0.1 J), wrap, 0 → 100,000 (0.1 J).
  #expect(abs(r.joules - 0.2) < 1e-9)
}

@Test func aCounterThatWrapsTwiceInAWindowIsCountedByThePoller() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 500_000, range: 1_000_000)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 200_000)   // first wrap: 0.7 J
  monitor.poll()
  fx.set("intel-rapl:0", 900_000)   // 0.7 J
  monitor.poll()
  fx.set("intel-rapl:0", 300_000)   // second wrap: 0.4 J; end value alone would suggest 0.8 J less
  let r = w.finish()
  #expect(abs(r.joules - 1.8) < 1e-9)
}

@Test func aCounterGoingBackwardsWithoutARangeNeverGivesNegativeEnergy() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 900_000, range: nil)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 100_000)
  let r = w.finish()
  #expect(r.joules == 0)
  #expect(r.notes.contains { $0.contains("no known range") })
}

@Test func aDomainWhoseFilesVanishKeepsItsEnergySoFarAndSaysSo() {
  let fx = PowercapFixture()
    .zone("intel-rapl:0", "package-0", energy: 0)
    .zone("intel-rapl:1", "package-1", energy: 0)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 1_000_000)
  fx.set("intel-rapl:1", 2_000_000)
  monitor.poll()
  fx.vanish("intel-rapl:1")
  fx.set("intel-rapl:0", 3_000_000)
  let r = w.finish()
  #expect(abs(r.joules - 5) < 1e-9)
  #expect(r.notes.contains { $0.contains("package-1") && $0.contains("vanished") })
}

@Test func garbageInEnergyUjDropsTheZoneWithANote() {
  let fx = PowercapFixture()
    .zone("intel-rapl:0", "package-0", energy: 0)
    .zone("intel-rapl:1", "package-1", energy: 0)
  fx.write("intel-rapl:1", "energy_uj", "n/a\n")
  let sel = fx.selection()
  #expect(sel.notes.contains { $0.contains("package-1") && $0.contains("'n/a'") })
  let monitor = sel.monitor(interval: nil)
  let w = monitor.begin()
  fx.set("intel-rapl:0", 2_000_000)
  #expect(abs(w.finish().joules - 2) < 1e-9)
}

@Test func garbageAppearingMidWindowStopsThatDomainWithoutGoingNegative() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 5_000_000)
  let monitor = fx.monitor()
  let w = monitor.begin()
  fx.set("intel-rapl:0", 6_000_000)
  monitor.poll()
  fx.write("intel-rapl:0", "energy_uj", "-17\n")
  let r = w.finish()
  #expect(abs(r.joules - 1) < 1e-9)
  #expect(r.notes.contains { $0.contains("'-17'") })
}

@Test func unreadableCountersSaySoAndFallBackToTheEstimate() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 0)
  let sel = fx.selection(reader: DenyingReader())
  let rapl = sel.statuses.first { $0.source == "rapl" }!
  #expect(rapl.found)
  #expect(!rapl.readable)
  #expect(rapl.why == UnreadableCounter.message(root: fx.root))
  #expect(sel.meters.map(\.source) == ["estimate"])
  #expect(sel.statuses.first { $0.source == "estimate" }!.inUse)
}

@Test func aPermissionErrorSaysWhyAndTheFixInMetersAndTheManifest() {
  // The kernel's EACCES on energy_uj, injected through the reader (tests run as root, where
  // chmod denies nothing), on a tree laid out as /sys/class/powercap is.
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 0).zone("intel-rapl:0:0", "core", energy: 0)
  let sel = fx.selection(reader: DenyingReader())
  let rapl = sel.statuses.first { $0.source == "rapl" }!
  #expect(rapl.why.contains("root only since Linux 5.10"))
  #expect(rapl.why.contains("sudo chmod a+r \(fx.root)/intel-rapl:*/energy_uj"))
  #expect(rapl.why.contains("udev rule"))
  let estimate = sel.statuses.first { $0.source == "estimate" }!
  #expect(estimate.why.hasPrefix("standing in for the unreadable RAPL counter"))
  let monitor = sel.monitor(interval: nil)
  #expect(monitor.sourcesDescription.hasPrefix("estimate (RAPL unreadable, no NVML): "))
  #expect(monitor.counterProblems == ["rapl: " + UnreadableCounter.message(root: fx.root)])
  let r = monitor.begin().finish()
  #expect(r.estimated)
  #expect(r.model != nil)
}

@Test func aCounterThatIsSimplyAbsentIsNotCalledUnreadable() {
  let fx = PowercapFixture()
  let monitor = fx.selection().monitor(interval: nil)
  #expect(monitor.counterProblems.isEmpty)
  #expect(monitor.sourcesDescription.hasPrefix("estimate (no RAPL, no NVML): "))
}

@Test func oneRefusedZoneBesideReadableOnesIsNamedWithTheFix() {
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 0).zone("intel-rapl:1", "package-1", energy: 0)
  struct DenyOne: PowercapReader {
    let inner = FileSystemPowercapReader()
    func contents(of path: String) throws -> String {
      if path.hasSuffix("intel-rapl:1/energy_uj") { throw PowercapReadError.permissionDenied(path) }
      return try inner.contents(of: path)
    }
    func entries(in directory: String) throws -> [String] { try inner.entries(in: directory) }
  }
  let rapl = fx.selection(reader: DenyOne()).statuses.first { $0.source == "rapl" }!
  #expect(rapl.readable)
  #expect(rapl.why.contains("1 zone(s) unreadable (energy_uj is readable by root only since Linux 5.10"))
}

@Test func aMissingTreeIsReportedAsNotFound() {
  let fx = PowercapFixture()
  let sel = fx.selection()
  let rapl = sel.statuses.first { $0.source == "rapl" }!
  #expect(!rapl.found)
  #expect(rapl.why == "no \(fx.root)/intel-rapl:*")
}

@Test func theBackgroundPollerCountsEveryWrapOfALongWindow() {
  // 20 steps of 0.3 J on a counter that wraps at 1 J: six wraps. Begin and end alone would
  // see 0.5 → 0.5 and report 0 J; the poller (every 5 ms, steps every 25 ms) sees them all.
  let fx = PowercapFixture().zone("intel-rapl:0", "package-0", energy: 500_000, range: 1_000_000)
  let monitor = fx.selection().monitor(interval: 0.005)
  let w = monitor.begin()
  var value: UInt64 = 500_000
  for _ in 0..<20 {
    usleep(25_000)
    value = (value + 300_000) % 1_000_000
    fx.set("intel-rapl:0", value)
  }
  usleep(25_000)
  let r = w.finish()
  #expect(abs(r.joules - 6) < 1e-9)
  #expect(r.timeline.count >= 20)
}
