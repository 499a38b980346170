import Energy
import Foundation
import Testing

/// A machine fixture (Fixtures/machines/<name>), read as joule reads the real files.
func machineFixture(_ name: String) throws -> MachineFiles {
  let url = try #require(Bundle.module.url(forResource: "machines", withExtension: nil, subdirectory: "Fixtures"))
  return MachineFiles(root: url.appendingPathComponent(name).path)
}

@Test func aVirtualMachineIsRecognisedFromItsDMIStrings() throws {
  let cases = [("aws-c7a-large", "Amazon EC2"), ("gce-n2-standard-4", "Google Compute Engine"),
               ("azure-d2as-v5", "Microsoft Azure"), ("qemu-kvm", "QEMU/KVM")]
  for (name, provider) in cases {
    let m = MachineProfile.detect(files: try machineFixture(name))
    #expect(m.vm?.provider == provider, "\(name)")
    #expect(m.vm?.evidence.contains("DMI") == true)
  }
}

@Test func aGuestWithoutDMITablesIsAVirtualMachineByItsHypervisorFlag() throws {
  let m = MachineProfile.detect(files: try machineFixture("firecracker"))
  #expect(m.vm?.evidence == "cpuinfo hypervisor flag, no DMI tables")
  #expect(m.cpu.modelName == "AMD EPYC" && m.cpu.family == 25 && m.cpu.model == 17)
}

@Test func bareMetalReportsItsSocketsCoresThreadsAndMemory() throws {
  let m = MachineProfile.detect(files: try machineFixture("dell-r630-e5-2620v3"))
  #expect(m.vm == nil)
  #expect(m.cpu.sockets == 2 && m.cpu.cores == 12 && m.cpu.threads == 24 && m.threads == 24)
  #expect(abs(m.memoryGB - 68.7) < 0.01)
  #expect(!m.cpu.hypervisor)
}

@Test func familyAndModelNumbersMapToAGeneration() {
  let cases: [(String, Int, Int, String, CPUGeneration?)] = [
    ("AuthenticAMD", 25, 17, "AMD EPYC", .zen4), ("AuthenticAMD", 25, 1, "AMD EPYC", .zen3),
    ("AuthenticAMD", 23, 49, "AMD EPYC-Rome Processor", .zen2), ("AuthenticAMD", 23, 1, "AMD EPYC 7601", .zen1),
    ("AuthenticAMD", 26, 2, "AMD EPYC", .zen5), ("AuthenticAMD", 25, 33, "AMD Ryzen 9 5950X", .amdClient),
    ("GenuineIntel", 6, 143, "Intel(R) Xeon(R) Platinum 8488C", .sapphireRapids),
    ("GenuineIntel", 6, 85, "Intel(R) Xeon(R) Gold 6248 CPU", .cascadeLake),
    ("GenuineIntel", 6, 85, "Intel(R) Xeon(R) CPU @ 2.80GHz", .skylakeSP),
    ("GenuineIntel", 6, 63, "Intel(R) Xeon(R) CPU E5-2620 v3", .haswell),
    ("GenuineIntel", 6, 158, "Intel(R) Core(TM) i7-8700", .intelClient),
    ("GenuineIntel", 6, 9999, "Intel(R) Xeon(R)", nil), ("", nil, nil, "unknown CPU", nil),
  ].map { ($0.0, $0.1 ?? -1, $0.2 ?? -1, $0.3, $0.4) }
  for (vendor, family, model, name, want) in cases {
    let got = CPUGeneration.classify(vendor: vendor, family: family < 0 ? nil : family, model: model < 0 ? nil : model, name: name)
    #expect(got == want, "\(vendor) \(family)/\(model) \(name)")
  }
  #expect(CPUGeneration.zen4.segment == .server2017 && CPUGeneration.haswell.segment == .server2012)
}

@Test func theTDPTableFindsCPUsByTheirCpuinfoNames() throws {
  let e5 = try #require(CPUTDPTable.lookup("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz"))
  #expect(e5.name == "Intel Xeon E5-2620 v3" && e5.tdpWatts == 85)
  #expect(CPUTDPTable.lookup("AMD EPYC 7763 64-Core Processor")?.tdpWatts == 280)
  #expect(CPUTDPTable.lookup("Intel(R) Xeon(R) CPU E3-1240 V2 @ 3.40GHz")?.tdpWatts == 69)
  // A bare family name names no part: no guess from the table.
  #expect(CPUTDPTable.lookup("AMD EPYC") == nil)
  #expect(CPUTDPTable.entries.count > 4000)
}

@Test func joulesNameMatchingAgreesWithTheFitScriptsOnEveryTableName() {
  // The fit (Python) and joule (Swift) must give a CPU the same TDP: same tokens for every name.
  let disagree = CPUTDPTable.storedTokens.filter { Set(CPUTDPTable.tokens($0.name)) != $0.tokens }
  #expect(disagree.isEmpty, "\(disagree.prefix(5))")
  #expect(CPUTDPTable.tokens("Intel(R) Xeon(R) CPU E3-1240V2 @ 3.40GHz") == ["intel", "xeon", "e3-1240", "v2"])
}
