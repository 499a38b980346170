import Energy
import Foundation
import Testing

@Test func carbonUsesCodeCarbonsWorldAverageByDefault() {
  #expect(Carbon.kilowattHours(joules: 3.6e6) == 1)
  #expect(Carbon.grams(joules: 3.6e6) == 475)
  #expect(Carbon.grams(joules: 7.2e6, intensity: 56) == 112)
}

@Test func ledgerUsesCodeCarbonColumnsAndUnits() {
  let e = LedgerEntry(timestamp: 0, projectName: "p", runID: "r1", seconds: 10, joules: 3.6e6, cpuJoules: 3.0e6,
                      ramJoules: 0.6e6, source: "estimate(linear-tdp)", estimated: true, model: "linear, P_idle 1 W")
  let row = Dictionary(uniqueKeysWithValues: EnergyLedger.row(e))
  #expect(row["timestamp"] == .text("1970-01-01T00:00:00"))
  #expect(row["energy_consumed"] == .number(1))           // kWh
  #expect(row["emissions"] == .number(0.475))              // kg
  #expect(row["cpu_power"] == .number(3.0e5))              // W
  #expect(row["estimated"] == .flag(true))
  let csv = EnergyLedger.csv([e])
  #expect(csv.hasPrefix("timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,"))
  // The model text has a comma, so it is quoted.
  #expect(csv.contains(",\"linear, P_idle 1 W\","))
}

@Test func ledgerAppendsWithOneHeaderAndRefusesForeignFiles() throws {
  let path = NSTemporaryDirectory() + "joule-ledger-\(UUID().uuidString).csv"
  defer { try? FileManager.default.removeItem(atPath: path) }
  let e = LedgerEntry(timestamp: 0, projectName: "p", runID: "r", seconds: 1, joules: 5, source: "rapl", estimated: false)
  try EnergyLedger.append([e], to: path)
  try EnergyLedger.append([e, e], to: path)
  let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
  #expect(lines.count == 4)
  #expect(lines.filter { $0.hasPrefix("timestamp,") }.count == 1)
  let other = path + ".other"
  try "a,b\n1,2\n".write(toFile: other, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(atPath: other) }
  #expect(throws: EnergyLedger.Failure.self) { try EnergyLedger.append([e], to: other) }
}

@Test func layerAttributionSplitsEnergyByTimeShare() {
  let t = [LayerTime(layer: "conv2d(32, 3)", kind: "conv", forwardSeconds: 2, backwardSeconds: 4),
           LayerTime(layer: "relu()", kind: "relu", forwardSeconds: 0.5, backwardSeconds: 0.5),
           LayerTime(layer: "linear(10)", kind: "linear", forwardSeconds: 1, backwardSeconds: 1)]
  let a = LayerAttribution(timings: t, joules: 100, windowSeconds: 10)
  #expect(a.layers.count == 4)   // three layers and "other"
  #expect(abs(a.layers[0].joules - 60) < 1e-9)
  #expect(abs(a.share(of: "conv") - 0.6) < 1e-12)
  #expect(abs(a.share(of: "other") - 0.1) < 1e-12)
  #expect(abs(a.byKind.reduce(0) { $0 + $1.share } - 1) < 1e-12)
  #expect(a.layers[0].forwardMs == 2000)
}
