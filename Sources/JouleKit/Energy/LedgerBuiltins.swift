import Energy
import Foundation
import Script

/// `ledger` and `write_ledger`: energy records as rows of CodeCarbon's emissions.csv.
///
///     runs = [measure(fn() { train(m1, data) }), measure(fn() { train(m2, data) })]
///     write_csv(ledger(runs, project: "sweep"), "emissions.csv")
///     write_ledger(runs, "emissions.csv", country: "NLD")   # appends, header once, as CodeCarbon does
enum LedgerBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(ledger)
    registry.register(writeLedger)
  }

  static let common = [
    Parameter("project", .string, default: .string("joule"), doc: "CodeCarbon's project_name"),
    Parameter("country", .optional(.string), default: Value.none,
              doc: "ISO 3166-1 alpha-3 code of the grid (\"NLD\"); default $JOULE_COUNTRY, else the world average"),
    Parameter("intensity", .optional(.number), default: Value.none,
              doc: "grid intensity in g CO2e/kWh, overriding the country's figure"),
    Parameter("experiment", .optional(.string), default: Value.none,
              doc: "experiment_id; default one UUID per joule process"),
  ]

  static let ledger = Builtin(
    "ledger", [Parameter("records", .any, doc: "a measure() record, a training run, or a list of them")] + common,
    family: "energy",
    doc: "Rows with CodeCarbon's 38 emissions.csv columns (kWh, kg CO2e, W, s) plus energy_source, estimated, energy_model, carbon_intensity, energy_scope, energy_low_j, energy_high_j."
  ) { args, _ in
    let entries = try LedgerInput.entries(args["records"], try LedgerInput.Options(args, function: "ledger"))
    return .table(entries.map { Record(EnergyLedger.row($0).map { ($0.0, $0.1.value) }) })
  }

  static let writeLedger = Builtin(
    "write_ledger",
    [Parameter("records", .any, doc: "a measure() record, a training run, or a list of them"),
     Parameter("path", .string, doc: "CSV file; appended to (keeping its header, CodeCarbon's too), with a header when new")]
      + common
      + [Parameter("joule_columns", .bool, default: .bool(true),
                   doc: "false: CodeCarbon's 38 columns only, so CodeCarbon can append to the file too")],
    family: "energy",
    doc: "Appends energy records to a CodeCarbon emissions.csv (new or existing) and returns its path."
  ) { args, context in
    let entries = try LedgerInput.entries(args["records"], try LedgerInput.Options(args, function: "write_ledger"))
    let target = UserPath.inProgram(try args.string("path"), context), path = target.absolute
    if let problem = FileProblem.problemWriting(target) { throw ScriptError.runtime("write_ledger: \(problem)") }
    let appended: EnergyLedger.Appended
    do {
      appended = try EnergyLedger.append(entries, to: path, jouleColumns: try args.bool("joule_columns"))
    } catch {
      throw ScriptError.runtime("write_ledger: \(error)")
    }
    if !appended.leftOut.isEmpty {
      context.output.write("note: \((path as NSString).lastPathComponent) has no column for "
                           + appended.leftOut.joined(separator: ", ") + "; those values were left out\n")
    }
    return .string(path)
  }
}
