import Energy
import Plot
import Script

/// Reads the rows a plot draws from: a table (list of records), a study (a host object or
/// record with a `trials` list), or a single record holding a list under `field`.
///
///     let rows = try RowSource.rows(of: args["rows"], function: "plot")
enum RowSource {
  static func rows(of value: Value, function: String, listField: String = "trials") throws -> [Record] {
    if let list = value.rowList { return try rows(of: list, function: function) }
    switch value {
    case .list(let items):
      return try items.enumerated().map { i, item in
        guard case .record(let r) = item else {
          throw ScriptError.runtime("\(function): row \(i + 1) is a \(item.typeName); expected a list of records (a table)")
        }
        return r
      }
    case .host, .record:
      if let inner = field(value, listField) ?? field(value, "rows") { return try rows(of: inner, function: function) }
      if case .record = value {
        // One record (a train run, say) is one row: what the call takes is many.
        throw ScriptError.runtime("\(function) takes a table (a list of records such as [r1, r2, r3]), an experiment "
          + "or a study, not a single record")
      }
      throw ScriptError.runtime("\(function): a \(value.typeName) has no '\(listField)' list of rows")
    default:
      throw ScriptError.runtime("\(function): expected a table (list of records) or a study, got \(value.typeName)")
    }
  }

  /// `value.name` for records and host objects.
  static func field(_ value: Value, _ name: String) -> Value? {
    switch value {
    case .record(let r): return r.valueOrAlias(name)
    case .host(let h): return h.field(name)
    default: return nil
    }
  }

  /// The first of `names` that is a string field of `value`.
  static func string(_ value: Value, _ names: [String]) -> String? {
    for n in names { if case .string(let s)? = field(value, n) { return s } }
    return nil
  }

  /// True when the value, or any of the rows, says its joules are estimated: by its
  /// `estimated` field, or by an `energy_source` that names the estimate. Old names answer
  /// through `FieldAliases`, so a user's rows never need a name copied from a record. Rows
  /// that say nothing either way (a table the user built from runs) are this session's
  /// figures: estimated when this machine's meters are.
  static func estimated(_ value: Value?, rows: [Record] = []) -> Bool {
    func says(_ read: (String) -> Value?) -> Bool? {
      if let flag = read("estimated"), case .bool(let b) = flag { if b { return true } }
      if case .string(let s)? = read("energy_source") { if s.contains("estimate") { return true } }
      return read("estimated") != nil || read("energy_source") != nil ? false : nil
    }
    if let value, says({ field(value, $0) ?? FieldAliases.former($0) { n in field(value, n) } }) == true { return true }
    let verdicts = rows.map { r in says { r.valueOrAlias($0) } }
    if verdicts.contains(where: { $0 == true }) { return true }
    if !rows.isEmpty && verdicts.allSatisfy({ $0 == nil }) { return EnergyMonitor.shared.isEstimated }
    return false
  }

  /// A number from a cell: ints and floats, booleans as 0/1; nil when absent or nil.
  static func number(_ v: Value?, column: String, row: Int, function: String) throws -> Double? {
    switch v {
    case nil, .none?: return nil
    case .bool(let b)?: return b ? 1 : 0
    case let v?:
      if let d = v.number { return d }
      throw ScriptError.runtime("\(function): column '\(column)' holds \(v.typeName) \(v.shortDescription) in row \(row + 1); "
        + "plot numbers, or group by it with by: \"\(column)\"")
    }
  }

  /// Checks that `column` exists in some row; suggests a near name when it does not.
  static func requireColumn(_ column: String, in rows: [Record], function: String) throws {
    guard !rows.contains(where: { $0[column] != nil }) else { return }
    var keys: [String] = []
    for r in rows { for k in r.keys where !keys.contains(k) { keys.append(k) } }
    let hint = Suggestion.closest(to: column, among: keys).map { "; did you mean '\($0)'?" }
      ?? (keys.isEmpty ? "" : "; columns: " + keys.joined(separator: ", "))
    throw ScriptError.runtime("\(function): no column '\(column)'\(hint)")
  }

  /// The text a category shows: strings bare, anything else as written.
  static func label(_ v: Value?) -> String {
    switch v {
    case .string(let s)?: return s
    case nil: return "nil"
    case let v?: return v.shortDescription
    }
  }

  /// An axis label that says when its joules are estimated.
  static func axisLabel(_ text: String, column: String, estimated: Bool) -> String {
    let c = column.lowercased()
    let isEnergy = c.contains("energy") || c.contains("joule") || c.hasSuffix("_j") || c.contains("kwh")
    guard isEnergy && estimated && !text.contains("estimated") else { return text }
    // "energy (J)" reads better as "energy (J, estimated)" than with a second bracket.
    return text.hasSuffix(")") ? String(text.dropLast()) + ", estimated)" : text + " (estimated)"
  }
}
