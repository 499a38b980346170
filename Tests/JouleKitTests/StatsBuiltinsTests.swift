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
