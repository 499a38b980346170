import Energy
import Foundation
import Testing

/// The CSV CodeCarbon 3.3.2 itself wrote (Fixtures/README.md).
private func codeCarbonFixture() throws -> String {
  let url = try #require(Bundle.module.url(forResource: "codecarbon-3.3.2-emissions", withExtension: "csv",
                                           subdirectory: "Fixtures"))
  return try String(contentsOf: url, encoding: .utf8)
}

private func temporaryPath(_ name: String) -> String {
  NSTemporaryDirectory() + "joule-\(name)-\(UUID().uuidString).csv"
}

private let entry = LedgerEntry(timestamp: 0, projectName: "p", seconds: 10, joules: 3.6e6, cpuJoules: 3.0e6,
                                ramJoules: 0.6e6, source: "estimate(linear-tdp)", estimated: true,
                                model: "linear, P_idle 1 W", machine: MachineFacts(os: "Linux-6.1-x86_64", cpuCount: 2))

@Test func ledgerHeaderIsCodeCarbonsThenJoulesOwn() throws {
  let header = try codeCarbonFixture().split(separator: "\n")[0].split(separator: ",").map(String.init)
  #expect(header.count == 38)
  #expect(LedgerColumns.codeCarbon == header)
  #expect(EnergyLedger.columns == header + ["energy_source", "estimated", "energy_model", "carbon_intensity",
                                             "energy_scope", "energy_low_j", "energy_high_j"])
  #expect(EnergyLedger.csv([entry]).hasPrefix(header.joined(separator: ",") + ",energy_source,"))
}

@Test func ledgerUsesCodeCarbonUnitsAndLeavesUnknownsEmpty() {
  var e = entry
  e.country = GridIntensity(isoCode: "NLD", countryName: "Netherlands", gramsPerKWh: 500, year: 2023)
  let row = Dictionary(uniqueKeysWithValues: EnergyLedger.row(e))
  #expect(row["timestamp"] == .text("1970-01-01T00:00:00"))
  #expect(row["duration"] == .number(10))                  // s
  #expect(row["energy_consumed"] == .number(1))            // kWh
  #expect(row["cpu_energy"] == .number(3.0e6 / 3.6e6))
  #expect(row["emissions"] == .number(0.5))                // kg at 500 g/kWh
  #expect(row["cpu_power"] == .number(3.0e5))              // W
  #expect(row["country_iso_code"] == .text("NLD") && row["country_name"] == .text("Netherlands"))
  #expect(row["carbon_intensity"] == .number(500))
  #expect(row["energy_scope"] == .text("package"))
  #expect(row["energy_low_j"] == .empty && row["energy_high_j"] == .empty)   // no interval given
  #expect(row["tracking_mode"] == .text("machine"))        // the estimate models the whole machine
  #expect(row["on_cloud"] == .text("N") && row["pue"] == .number(1))
  #expect(row["cpu_count"] == .integer(2) && row["os"] == .text("Linux-6.1-x86_64"))
  for unknown in ["water_consumed", "region", "cloud_provider", "python_version", "codecarbon_version",
                  "gpu_model", "longitude", "latitude", "cpu_utilization_percent", "ram_used_gb", "wue", "gpu_count"] {
    #expect(row[unknown] == .empty, "\(unknown)")
  }
  #expect(row["estimated"] == .flag(true))
  let csv = EnergyLedger.csv([e])
  #expect(csv.contains(",\"linear, P_idle 1 W\","))         // the model's comma is quoted
  #expect(LedgerEntry(timestamp: 0, projectName: "p", seconds: 1, joules: 1, source: "rapl", estimated: false)
    .trackingMode == "machine")
  #expect(LedgerEntry.trackingMode(source: "rapl+cpu-share") == "process")
  #expect(LedgerEntry.trackingMode(source: "estimate(linear-tdp); cpu-share") == "process")
}

@Test func runAndExperimentIdsAreUUIDs() throws {
  let uuid = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
  let a = LedgerEntry(timestamp: 0, projectName: "p", seconds: 1, joules: 1, source: "rapl", estimated: false)
  let b = LedgerEntry(timestamp: 0, projectName: "p", seconds: 1, joules: 1, source: "rapl", estimated: false)
  #expect(a.runID.wholeMatch(of: uuid) != nil && a.experimentID.wholeMatch(of: uuid) != nil)
  #expect(a.runID != b.runID)
  #expect(a.experimentID == b.experimentID)
}

@Test func ledgerAppendsWithOneHeaderAndRefusesForeignFiles() throws {
  let path = temporaryPath("ledger")
  defer { try? FileManager.default.removeItem(atPath: path) }
  try EnergyLedger.append([entry], to: path)
  let second = try EnergyLedger.append([entry, entry], to: path)
  #expect(second.leftOut.isEmpty)
  let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
  #expect(lines.count == 4)
  #expect(lines.filter { $0.hasPrefix("timestamp,") }.count == 1)
  let other = temporaryPath("other")
  try "a,b\n1,2\n".write(toFile: other, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(atPath: other) }
  #expect(throws: EnergyLedger.Failure.otherHeader(other, unknown: ["a", "b"])) { try EnergyLedger.append([entry], to: other) }
}

@Test func appendingToCodeCarbonsFileFollowsItsHeader() throws {
  let fixture = try codeCarbonFixture()
  let path = temporaryPath("codecarbon")
  defer { try? FileManager.default.removeItem(atPath: path) }
  try fixture.write(toFile: path, atomically: true, encoding: .utf8)
  var e = entry
  e.country = try GridIntensity.country("NLD")
  let appended = try EnergyLedger.append([e], to: path)
  #expect(appended.columns == LedgerColumns.codeCarbon)
  #expect(appended.leftOut == LedgerColumns.joule)
  let text = try String(contentsOfFile: path, encoding: .utf8)
  #expect(text.hasPrefix(fixture))
  let rows = text.split(separator: "\n")
  #expect(rows.count == 3)
  let cells = rows[2].split(separator: ",", omittingEmptySubsequences: false)
  #expect(cells.count == 38)
  #expect(cells[15] == "Netherlands" && cells[16] == "NLD" && cells[30] == "machine" && cells[35] == "N")
}

@Test func aCodeCarbonOnlyLedgerHasItsExactColumns() throws {
  let path = temporaryPath("cc-only")
  defer { try? FileManager.default.removeItem(atPath: path) }
  let appended = try EnergyLedger.append([entry], to: path, jouleColumns: false)
  #expect(appended.columns == LedgerColumns.codeCarbon)
  let header = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")[0]
  #expect(header == (try codeCarbonFixture()).split(separator: "\n")[0])
}

@Test func aLedgerStartedWithTheOldModelColumnKeepsItAndFillsIt() throws {
  // joule 0.2 named the estimate's model column estimate_model; such a file still takes rows.
  let path = temporaryPath("old-ledger")
  defer { try? FileManager.default.removeItem(atPath: path) }
  let old = EnergyLedger.columns.map { $0 == "energy_model" ? "estimate_model" : $0 }
  try (old.joined(separator: ",") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  var e = entry
  e.model = "linear TDP model, 2 CPUs"
  let appended = try EnergyLedger.append([e], to: path)
  #expect(appended.columns == old)
  let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
  #expect(rows.count == 2)
  #expect(rows[1].contains("linear TDP model"))
}

@Test func anEstimatedRowCarriesItsScopeAndInterval() {
  var e = entry
  e.scope = .wall
  e.interval = (low: 3.0e6, high: 5.0e6)
  let row = Dictionary(uniqueKeysWithValues: EnergyLedger.row(e))
  #expect(row["energy_scope"] == .text("wall"))
  #expect(row["energy_low_j"] == .number(3.0e6) && row["energy_high_j"] == .number(5.0e6))
}
