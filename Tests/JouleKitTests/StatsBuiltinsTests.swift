import Foundation
import JouleKit
import Script
import Testing

/// The statistics and table builtins, end to end through the language.
@Suite struct StatsBuiltinsTests {
  func run(_ source: String) throws -> (Value, String) {
    let registry = BuiltinRegistry.core()
    JouleKit.install(into: registry)
    let out = BufferOutput()
    let v = try Interpreter(registry: registry, output: out).run(source, file: "stats.joule")
    return (v, out.text)
  }

  func record(_ v: Value) -> Record {
    if case .record(let r) = v { return r }
    return Record()
  }

  func number(_ v: Value?) -> Double { v?.number ?? .nan }

  let rows = """
    rows = []
    for i in range(30) { rows += [{conv: i % 3, energy_j: 2.5 + (i % 3) * 0.1 + (i % 7) * 0.05}] }
    """

  @Test func describeReturnsARecordWithSpreadAndInterval() throws {
    let (v, _) = try run(rows + "\ndescribe(rows, \"energy_j\")")
    let r = record(v)
    #expect(r.keys == ["n", "mean", "sd", "median", "q1", "q3", "min", "max", "ci_low", "ci_high"])
    #expect(number(r["n"]) == 30)
    #expect(number(r["ci_low"]) < number(r["mean"]) && number(r["mean"]) < number(r["ci_high"]))
  }

  @Test func kruskalTakesGroupByAndAgreesWithMannWhitneyForm() throws {
    let (v, _) = try run(rows + "\nkruskal(group_by(rows, \"conv\", value: \"energy_j\"))")
    let r = record(v)
    #expect(number(r["df"]) == 2)
    #expect(number(r["p"]) < 0.01)
    #expect(r["effect"]?.printString == "large")
  }

  @Test func compareBuildsThePapersTableAndDisplaysTheTest() throws {
    let (v, printed) = try run(rows + "\nc = compare(rows, by: \"conv\", metric: \"energy_j\")\nprint(c)\nc")
    guard case .host(let h) = v else { Issue.record("not a host value"); return }
    #expect(h.typeName == "comparison")
    #expect(h.field("test")?.printString == "kruskal-wallis")
    #expect(printed.contains("Kruskal-Wallis H = "))
    #expect(printed.contains("verdict: "))
    guard case .list(let groups)? = h.field("groups") else { Issue.record("no groups"); return }
    #expect(groups.count == 3)
  }

  /// Group a: short busy runs (u = 0.9 on 2 CPUs); b: longer, lighter ones (u = 0.43). Under
  /// a low idle fraction b costs less, under a high one a does: the verdict hangs on the shape.
  func shapeRows(estimated: Bool = true, cpuSeconds: Bool = true) -> String {
    """
    rows = []
    for i in range(20) {
      j = 1 + (i % 5) * 0.01
      if i % 2 == 0 {
        rows += [{g: "a", estimated: \(estimated), seconds: 10 * j, logical_cpus: 2, energy_j: 9.3 * j\(cpuSeconds ? ", cpu_seconds: 18 * j" : "")}]
      } else {
        rows += [{g: "b", estimated: \(estimated), seconds: 14 * j, logical_cpus: 2, energy_j: 8.4 * j\(cpuSeconds ? ", cpu_seconds: 12 * j" : "")}]
      }
    }
    """
  }

  @Test func compareOnEstimatedEnergySaysWhenItsVerdictDependsOnTheEstimatesShape() throws {
    let (v, printed) = try run(shapeRows() + "\nc = compare(rows, by: \"g\", metric: \"energy_j\")\nprint(c)\nc")
    guard case .host(let h) = v else { Issue.record("not a host value"); return }
    #expect(h.field("lowest")?.printString == "b")
    let line = h.field("estimate_check")?.printString ?? ""
    #expect(line.hasPrefix("depends on the estimate: with idle "))
    #expect(line.contains(" shapes differ: idle 10–60% of full power"))
    #expect(printed.contains("estimate: depends on the estimate: "))
  }

  @Test func compareOnEstimatedEnergySaysWhenItsVerdictHoldsWhateverTheShape() throws {
    // b takes twice the wall and busy time of a: more energy under any shape.
    let rows = """
      rows = []
      for i in range(16) {
        j = 1 + (i % 4) * 0.01
        k = if i % 2 == 0 { 1 } else { 2 }
        rows += [{g: if k == 1 { "a" } else { "b" }, energy_source: "estimate(linear-tdp)", seconds: 10 * k * j,
                  cpu_seconds: 8 * k * j, energy_j: 50 * k * j}]
      }
      """
    let (v, _) = try run(rows + "\ncompare(rows, by: \"g\").estimate_check")
    #expect(v.printString.hasPrefix("holds whatever the estimate's shape ("))
    #expect(v.printString.contains(" shapes: idle 10–60% of full power"))
  }

  @Test func compareSaysTheShapeCheckCannotBeMadeWithoutCPUSeconds() throws {
    let (v, _) = try run(shapeRows(cpuSeconds: false) + "\ncompare(rows, by: \"g\").estimate_check")
    #expect(v.printString.hasPrefix("cannot tell whether the verdict depends on the estimate's shape: 20 of 20 rows lack"))
  }

  @Test func compareOnMeasuredEnergyAddsNoShapeLine() throws {
    let (v, printed) = try run(shapeRows(estimated: false) + "\nc = compare(rows, by: \"g\")\nprint(c)\nc.estimate_check")
    #expect(v.printString == "nil")
    #expect(!printed.contains("estimate:"))
  }

  @Test func compareOfTwoGroupsUsesMannWhitney() throws {
    let (v, _) = try run(rows + "\ncompare(filter(rows, fn(r) { r.conv < 2 }), by: \"conv\").test")
    #expect(v.printString == "mann-whitney")
  }

  @Test func badColumnsAreClearErrors() throws {
    #expect(throws: ScriptError.self) { try run(rows + "\ncompare(rows, by: \"cnov\")") }
    do {
      _ = try run(rows + "\ncompare(rows, by: \"cnov\")")
    } catch let e as ScriptError {
      #expect(e.message.contains("did you mean 'conv'"))
    }
    do {
      _ = try run("shapiro([1, 2])")
    } catch let e as ScriptError {
      #expect(e.message.contains("shapiro needs at least 3 values, got 2"))
    }
  }

  @Test func tableBuiltinsWorkWithoutLoops() throws {
    let (v, _) = try run("""
      runs = [{lr: 0.1, acc: 0.8, e: 3}, {lr: 0.01, acc: 0.9, e: 1}, {lr: 0.1, acc: 0.85, e: 2}]
      [select(runs, "acc", "lr")[0], unique(runs, by: "lr"), min(runs, by: "e").acc, max(runs, by: "acc").lr,
       std([1, 2, 3, 4]), len(group_by(runs, "lr")), table(runs, columns: ["acc"], digits: 2).rows[0].acc]
      """)
    guard case .list(let items) = v else { Issue.record("not a list"); return }
    #expect(record(items[0]).keys == ["acc", "lr"])
    #expect(items[1].shortDescription == "[0.1, 0.01]")
    #expect(number(items[2]) == 0.9)
    #expect(number(items[3]) == 0.01)
    #expect(abs(number(items[4]) - 1.2909944487358056) < 1e-15)
    #expect(number(items[5]) == 2)
    #expect(number(items[6]) == 0.8)
  }

  @Test func bootstrapIsSeeded() throws {
    let (a, _) = try run("bootstrap_ci([2.7, 2.3, 2.5, 2.9, 2.6, 2.4], stat: \"median\", seed: 3)")
    let (b, _) = try run("bootstrap_ci([2.7, 2.3, 2.5, 2.9, 2.6, 2.4], stat: fn(xs) { quantile(xs, 0.5) }, seed: 3)")
    #expect(a.shortDescription == b.shortDescription)
  }
}
