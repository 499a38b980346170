import Script
import Testing

/// Host records keep being records (fields, keys, tables) while they display as one line;
/// old field names read for a release with one hint; a table-like host value is its rows
/// wherever a list is expected.
@Suite(.serialized) struct RecordKindTests {
  final class RunKind: RecordKind {
    func summary(_ r: Record, width: Int?) -> String { "<run \(r["n"]?.shortDescription ?? "?")>" }
  }

  final class Runs: RowSequence {
    let rows: [Record]
    init(_ n: Int) { rows = (0..<n).map { Record([("i", .int($0)), ("sq", .int($0 * $0))]) } }
    var typeName: String { "runs" }
    var fieldNames: [String] { ["count"] }
    func field(_ name: String) -> Value? { name == "count" ? .int(rows.count) : nil }
    var displayText: String { "<runs \(rows.count)>" }
  }

  func interpreter(_ out: BufferOutput = BufferOutput()) -> Interpreter {
    let registry = BuiltinRegistry.core()
    registry.register(Builtin("run_record", [], doc: "test record") { _, _ in
      .record(Record(kind: RunKind(), [("n", .int(7)), ("energy_j", .float(1.5)), ("stdout", .string("a\nlong\noutput"))]))
    })
    registry.register(Builtin("runs", [Parameter("n", .int)], doc: "test rows") { a, _ in .host(Runs(try a.int("n"))) })
    return Interpreter(registry: registry, output: out)
  }

  @Test func aKindedRecordShowsItsSummaryAndKeepsEveryField() throws {
    let it = interpreter()
    let r = try it.run("r = run_record()\nr", file: "k")
    #expect(r.displayString == "<run 7>")
    #expect(try it.run("keys(r)", file: "k").shortDescription == "[\"n\", \"energy_j\", \"stdout\"]")
    #expect(try it.run("r.stdout", file: "k").printString == "a\nlong\noutput")
    // An edited record is still the same kind of record.
    #expect(try it.run("r.extra = 1\nr", file: "k").displayString == "<run 7>")
    // In a list, records are rows of a table again.
    #expect(try it.run("[r, r]", file: "k").displayString.contains("energy_j"))
  }

  @Test func anOldFieldNameReadsTheNewFieldAndHintsOnce() throws {
    FieldAliases.register(["old_energy_test": "energy_j"], until: "0.4")
    var hints: [String] = []
    FieldAliases.hintSink = { hints.append($0) }
    defer { FieldAliases.hintSink = nil }
    FieldAliases.resetHints()
    let it = interpreter()
    #expect(try it.run("r = run_record()\nr.old_energy_test", file: "a").number == 1.5)
    #expect(try it.run("r[\"old_energy_test\"] + (r.old_energy_test ?? 0)", file: "a").number == 3)
    #expect(hints.count == 1)
    #expect(hints.first?.contains("'old_energy_test' is now called 'energy_j'") == true)
    // A row written with the old name answers to the new one (a reader asks by the new name).
    #expect(try it.run("{old_energy_test: 2}.energy_j", file: "a").number == 2)
    // Unknown names are still errors.
    #expect(throws: ScriptError.self) { try it.run("r.no_such_field", file: "a") }
  }

  @Test func aRowSequenceIsAListWhereverAListGoes() throws {
    let it = interpreter()
    let v = try it.run("""
      e = runs(5)
      total = 0
      for row in e { total = total + row.sq }
      [len(e), e[0].i, e[-1].sq, len(e[1:3]), map(e, fn(r) { r.i }), len(filter(e, fn(r) { r.i > 2 })),
       sort(e, by: "sq", reverse: true)[0].i, total, e.count]
      """, file: "rows")
    #expect(v.shortDescription == "[5, 0, 16, 2, [0, 1, 2, 3, 4], 2, 4, 30, 5]")
  }

  @Test func keysShowsEveryNameAndLongLinesBreakBetweenItems() throws {
    var r = Record()
    for i in 0..<15 { r["field_number_\(i)"] = .int(i) }
    let keys = Value.list(r.keys.map { .string($0) })
    let text = keys.display(width: 60)
    #expect(!text.contains("items)"))
    #expect(text.contains("field_number_14"))
    for line in text.split(separator: "\n") {
      #expect(line.count <= 60)
      // Every line ends at an item, never inside a name.
      #expect(line.hasSuffix(",") || line.hasSuffix("]"))
    }
  }
}
