import Script

/// Reading rows and columns out of the values table builtins take.
///
///     let rows = try TableRows.records(args["rows"], function: "select")
///     let xs = try TableRows.numbers(args["xs"], field: "energy_j", function: "describe")
enum TableRows {
  static func records(_ value: Value, function: String) throws -> [Record] {
    try RowSource.rows(of: value, function: function, listField: "rows")
  }

  /// Numbers from a list of numbers, or from one column of a table.
  static func numbers(_ value: Value, field: String? = nil, function: String) throws -> [Double] {
    if let field {
      let rows = try records(value, function: function)
      try RowSource.requireColumn(field, in: rows, function: function)
      try MissingValues.check(rows, column: field, function: function)
      return try rows.enumerated().compactMap { i, r in
        try RowSource.number(r[field], column: field, row: i, function: function)
      }
    }
    guard case .list(let items) = value.rowList ?? value else {
      throw ScriptError.runtime("\(function): expected a list of numbers, got \(value.typeName)")
    }
    if items.first.map({ if case .record = $0 { return true } else { return false } }) == true {
      throw ScriptError.runtime("\(function): got a table; name the column, e.g. \(function)(rows, \"energy_j\")")
    }
    return try items.enumerated().map { i, v in
      guard let d = v.number else {
        throw ScriptError.runtime("\(function): item \(i + 1) is \(v.typeName) \(v.shortDescription), not a number")
      }
      return d
    }
  }

  /// `value.name` for records and host objects, or an error that names the known fields.
  static func field(_ value: Value, _ name: String, function: String) throws -> Value {
    if let v = RowSource.field(value, name) { return v }
    let keys: [String]
    switch value {
    case .record(let r): keys = r.keys
    case .host(let h): keys = h.fieldNames
    default: throw ScriptError.runtime("\(function): \(value.typeName) has no field '\(name)'")
    }
    let hint = Suggestion.closest(to: name, among: keys).map { "; did you mean '\($0)'?" } ?? ""
    throw ScriptError.runtime("\(function): no field '\(name)'\(hint)")
  }

  /// The label a group shows under: strings bare, other values as written.
  static func label(_ v: Value) -> String { RowSource.label(v) }
}
