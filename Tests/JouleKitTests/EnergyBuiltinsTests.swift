import Foundation
import JouleKit
import Script
import Testing

/// Runs a script through the full registry and returns its last value.
private func run(_ source: String, directory: String? = nil) throws -> Value {
  let registry = BuiltinRegistry.core()
  JouleKit.install(into: registry)
  return try Interpreter(registry: registry, output: BufferOutput(), scriptDirectory: directory).run(source, file: "energy.jl")
}

private func record(_ v: Value) -> Record? {
  if case .record(let r) = v { return r }
  return nil
}

@Test func metersListsEverySourceWithWhy() throws {
  guard case .list(let rows) = try run("meters()") else { Issue.record("meters() is not a list"); return }
  let sources = rows.compactMap { record($0)?["source"] }.map(\.shortDescription)
  #expect(sources == ["\"rapl\"", "\"nvml\"", "\"estimate\""])
  for row in rows.compactMap(record) {
    #expect(row.keys == ["source", "found", "readable", "kind", "in_use", "why"])
  }
  // Something is always in use: a counter or the estimate.
  #expect(rows.compactMap(record).contains { if case .bool(true)? = $0["in_use"] { return true } else { return false } })
}

@Test func measureReturnsTheValueAndItsEnergy() throws {
  let r = try #require(record(try run("""
    measure(fn() {
      s = 0
      for i in range(200000) { s = s + i }
      s
    })
    """)))
  #expect(r["value"]?.number == 19_999_900_000)
  // The machine spent something; joule's tree's share of it (whole CPU ticks, 10 ms) may round
  // to nothing over a loop this short, and never exceeds the machine's.
  let machine = try #require(r["machine_energy_j"]?.number), mine = try #require(r["energy_j"]?.number)
  #expect(machine > 0)
  #expect(mine >= 0 && mine <= machine)
  #expect((r["seconds"]?.number ?? -1) > 0)
  guard case .bool(let estimated)? = r["estimated"] else { Issue.record("no estimated flag"); return }
  // Estimated figures always carry their model; measured ones never claim one.
  #expect((r["energy_model"] != nil) == estimated)
  guard case .record(let byDomain)? = r["by_domain"] else { Issue.record("no by_domain"); return }
  #expect(byDomain.count >= 1)
  guard case .list(let timeline)? = r["timeline"] else { Issue.record("no timeline"); return }
  #expect(timeline.allSatisfy { record($0)?.keys == ["t", "watts"] })
}

@Test func measureFieldsAreReachableFromTheLanguage() throws {
  let v = try run("""
    r = measure(fn() { 1 + 1 })
    [r.value, r.energy_j >= 0, r.watts >= 0, type(r.energy_source)]
    """)
  #expect(v.shortDescription == "[2, true, true, \"string\"]")
}

@Test func anErrorInsideMeasureIsTheErrorTheUserSees() {
  #expect(throws: ScriptError.self) { try run("measure(fn() { 1 / nothing_here })") }
}

@Test func measureTakesTheScopeItsEstimateModels() throws {
  let r = try #require(record(try run("""
    p = measure(fn() { sleep(0.05) }, scope: "package")
    w = measure(fn() { sleep(0.05) }, scope: "wall")
    {package: p.energy_scope, wall: w.energy_scope, source: w.energy_source, estimated: w.estimated}
    """)))
  #expect(r["package"]?.shortDescription == "\"package\"")
  if case .bool(true)? = r["estimated"] {
    // The estimate models the plug for this window only.
    #expect(r["wall"]?.shortDescription == "\"wall\"")
    #expect(r["source"]?.shortDescription.contains("specpower-wall") == true)
  } else {
    // A readable counter reads the packages, whatever was asked.
    #expect(r["wall"]?.shortDescription == "\"package\"")
  }
  #expect {
    _ = try run("measure(fn() { 1 }, scope: \"plug\")")
  } throws: { ($0 as? ScriptError)?.message.contains("scope must be \"package\" or \"wall\", got \"plug\"") == true }
}

@Test func subtractIdleNeedsABaselineAndNeverGoesNegative() throws {
  // The only test that calls idle(), so the session has no baseline before it.
  #expect {
    _ = try run("measure(fn() { 1 }, subtract_idle: true)")
  } throws: { ($0 as? ScriptError)?.message.contains("run idle(seconds: 5) first") == true }
  let v = try run("""
    b = idle(seconds: 0.3)
    r = measure(fn() { 1 }, subtract_idle: true)
    [b.watts > 0, r.energy_j >= 0, r.idle_j >= 0]
    """)
  #expect(v.shortDescription == "[true, true, true]")
}

@Test func co2AndKwhConvertJoules() throws {
  #expect(try run("co2(3600000)").number == 475)
  #expect(try run("co2(3600000, intensity: 56)").number == 56)
  #expect(try run("kwh(7200000)").number == 2)
  #expect(try run("co2({joules: 3600000})").number == 475)
  #expect(throws: ScriptError.self) { try run("co2(-1)") }
  // France's 2023 grid, from the committed table (56.039 g/kWh).
  #expect(abs((try run("co2(3600000, country: \"FRA\")").number ?? 0) - 56.039) < 1e-9)
  do {
    _ = try run("co2(1, country: \"FRX\")")
    Issue.record("FRX should be unknown")
  } catch let e as ScriptError {
    #expect(e.description.contains("unknown country code \"FRX\"; nearest: FRA (France)"))
  }
  #expect(throws: ScriptError.self) { try run("kwh(\"lots\")") }
}

@Test func ledgerRowsUseCodeCarbonColumns() throws {
  let v = try run("""
    r = measure(fn() { 1 })
    ledger([r, {joules: 3600000, seconds: 10, source: "rapl", estimated: false}], project: "demo")
    """)
  guard case .list(let rows) = v, rows.count == 2, let second = record(rows[1]) else { Issue.record("bad ledger"); return }
  #expect(Array(second.keys.prefix(5)) == ["timestamp", "project_name", "run_id", "experiment_id", "duration"])
  #expect(second.keys.count == 45)
  #expect(second["country_iso_code"]?.shortDescription == "nil")   // no country: the world average, columns empty
  #expect(second["energy_consumed"]?.number == 1)
  #expect(second["emissions"]?.number == 0.475)
  #expect(second["project_name"]?.shortDescription == "\"demo\"")
  #expect(throws: ScriptError.self) { try run("ledger([{seconds: 1}])") }
  // A training run's record names its fields energy_j, energy_source, energy_estimated.
  let fromRun = try run("ledger({energy_j: 7200, seconds: 2, energy_source: \"estimate(linear-tdp)\", energy_estimated: true})")
  guard case .list(let one) = fromRun, let row = record(one[0]) else { Issue.record("bad ledger"); return }
  #expect(row["energy_consumed"]?.number == 0.002)
  #expect(row["cpu_power"]?.number == 0)
  #expect(row["estimated"]?.shortDescription == "true")
  let dutch = try run("ledger({joules: 3600000, seconds: 1, source: \"rapl\"}, country: \"NLD\")")
  guard case .list(let nl) = dutch, let nlRow = record(nl[0]) else { Issue.record("bad ledger"); return }
  #expect(nlRow["country_name"]?.shortDescription == "\"Netherlands\"")
  #expect(nlRow["carbon_intensity"]?.number == 267.622)
  #expect(nlRow["emissions"]?.number == 0.267622)
  #expect(nlRow["tracking_mode"]?.shortDescription == "\"machine\"")
}

@Test func writeLedgerAppendsACSVFile() throws {
  let dir = NSTemporaryDirectory() + "joule-ledger-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: dir) }
  _ = try run("""
    r = measure(fn() { 1 })
    write_ledger(r, "emissions.csv")
    write_ledger([r, r], "emissions.csv")
    """, directory: dir)
  let text = try String(contentsOfFile: dir + "/emissions.csv", encoding: .utf8)
  let lines = text.split(separator: "\n")
  #expect(lines.count == 4)
  #expect(lines[0].hasPrefix("timestamp,project_name,run_id,experiment_id,duration,emissions,"))
  #expect(lines[0].hasSuffix("energy_source,estimated,energy_model,carbon_intensity,energy_scope,energy_low_j,energy_high_j"))
  // An estimated measurement's row carries its interval around its joules.
  let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
  if lines[1].contains("estimate(") {
    let low = Double(cells[cells.count - 2]), high = Double(cells[cells.count - 1])
    #expect(low != nil && high != nil && low! <= high!)
  }
}

@Test func theEnergyWindowAPIMeasures() {
  let w = EnergyWindow.begin()
  var x = 0.0
  for i in 0..<2_000_000 { x += Double(i).squareRoot() }
  #expect(x > 0)
  let r = w.finish()
  #expect(r.joules > 0)
  #expect(r.seconds > 0)
  #expect(r.estimated == (r.model != nil))
  #expect(!EnergyWindow.sourcesDescription.isEmpty)
}

@Test func measureCountsTheChildrenItStartsAndSaysWhoseJoulesTheyAre() throws {
  // The child's CPU time is the machine's (as RAPL would see it) and, once joule has waited
  // for it, joule's process tree's: so both the machine's joules and joule's share hold it.
  let r = try #require(record(try run(#"""
    measure(fn() { command(["python3", "-c", "import time\nwhile time.process_time() < 0.5: pass"]) })
    """#)))
  let child = try #require(record(r["value"] ?? .none))
  let joules = try #require(r["machine_energy_j"]?.number), seconds = try #require(r["seconds"]?.number)
  let share = try #require(r["cpu_share"]?.number), mine = try #require(r["energy_j"]?.number)
  #expect((child["cpu_seconds"]?.number ?? 0) >= 0.45)
  #expect(share > 0 && share <= 1)
  #expect(abs(mine - joules * share) < 1e-9)
  // The command's machine figure covers a window inside measure's.
  #expect((child["machine_energy_j"]?.number ?? .infinity) <= joules * 1.05)
  if case .bool(true)? = r["estimated"], case .string(let model)? = r["energy_model"] {
    #expect(model.hasPrefix("whole machine"))
    // "2 CPUs, P_idle 3.19 W, P_max 10.63 W": idle power over the window plus at least the
    // child's half CPU-second at (P_max − P_idle) / CPUs (joule's own CPU time alone lacks it).
    let pattern = try Regex(#"(\d+) CPUs?, P_idle ([\d.]+) W, P_max ([\d.]+) W"#)
    let m = try #require(model.firstMatch(of: pattern))
    let number = { (i: Int) in Double(m.output[i].substring.map(String.init) ?? "") ?? .nan }
    let cpus = number(1), idle = number(2), peak = number(3)
    let cpuJoules = r["by_domain"].flatMap(record).flatMap { $0["estimate"] }.flatMap(record)?["cpu"]?.number ?? 0
    #expect(cpuJoules >= (idle * seconds + (peak - idle) * 0.45 / cpus) * 0.99, "\(cpuJoules) J in \(seconds) s, \(model)")
  }
}
