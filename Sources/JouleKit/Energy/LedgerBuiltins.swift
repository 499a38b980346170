import Energy
import Script

/// `ledger` and `write_ledger`: energy records as CodeCarbon-style emissions rows.
///
///     runs = [measure(fn() { train(m1, data) }), measure(fn() { train(m2, data) })]
///     write_csv(ledger(runs, project: "sweep"), "emissions.csv")
///     write_ledger(runs, "emissions.csv")      # appends, header once, as CodeCarbon does
enum LedgerBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(ledger)
    registry.register(writeLedger)
  }

  static let common = [
    Parameter("project", .string, default: .string("joule"), doc: "CodeCarbon's project_name"),
    Parameter("intensity", .number, default: .float(Carbon.worldAverageIntensity),
              doc: "grid intensity in g CO2e/kWh (475: CodeCarbon's world average)"),
  ]

  static let ledger = Builtin(
    "ledger", [Parameter("records", .any, doc: "a measure() record, a training run, or a list of them")] + common,
    family: "energy",
    doc: "Rows with CodeCarbon's emissions.csv columns (kWh, kg CO2e) plus energy_source, estimated, estimate_model."
  ) { args, _ in
    let entries = try LedgerInput.entries(args["records"], project: try args.string("project"),
                                          intensity: try args.double("intensity"), function: "ledger")
    return .table(entries.map { Record(EnergyLedger.row($0).map { ($0.0, $0.1.value) }) })
  }

  static let writeLedger = Builtin(
    "write_ledger",
    [Parameter("records", .any, doc: "a measure() record, a training run, or a list of them"),
     Parameter("path", .string, doc: "CSV file; appended to, with a header when new")] + common,
    family: "energy",
    doc: "Appends energy records to a CodeCarbon-compatible CSV file and returns its path."
  ) { args, context in
    let entries = try LedgerInput.entries(args["records"], project: try args.string("project"),
                                          intensity: try args.double("intensity"), function: "write_ledger")
    var path = try args.string("path")
    if !path.hasPrefix("/") { path = (context.scriptDirectory ?? ".") + "/" + path }
    do {
      try EnergyLedger.append(entries, to: path)
    } catch {
      throw ScriptError.runtime("write_ledger: \(error)")
    }
    return .string(path)
  }
}
