import Script

/// Says which rows, or which whole groups, lack a column's value, so a comparison never
/// answers a different question than asked ("needs two groups, got 1" when one group's runs
/// simply had no accuracy).
///
///     try MissingValues.check(rows, column: "accuracy", by: "engine", function: "compare")
///     // compare: group engine = "python" has no 'accuracy' in any of its 4 rows
///     // compare: rows 3, 7 have no 'accuracy' (of 8)
enum MissingValues {
  /// Throws when a row holds no value (absent or nil) in `column`: naming the groups of `by`
  /// where every row lacks it, else the rows (1-based).
  static func check(_ rows: [Record], column: String, by: String? = nil, function: String) throws {
    let lacking = rows.indices.filter { i in
      switch rows[i][column] {
      case nil, .none?: return true
      default: return false
      }
    }
    guard !lacking.isEmpty else { return }
    if let by {
      let label = { (r: Record) in TableRows.label(r[by] ?? .none) }
      let order = GroupOrder.labels(rows.map { $0[by] ?? .none })
      let missing = Set(lacking.map { label(rows[$0]) })
      let empty = order.filter { g in missing.contains(g) && rows.allSatisfy { label($0) != g || lacks($0, column) } }
      if !empty.isEmpty {
        let counts = empty.map { g in rows.filter { label($0) == g }.count }
        let named = zip(empty, counts).map { "\(by) = \(Value.string($0).shortDescription) (\($1) row\($1 == 1 ? "" : "s"))" }
        throw ScriptError.runtime("\(function): no '\(column)' in any row of group\(empty.count == 1 ? "" : "s") "
          + named.joined(separator: ", "))
      }
    }
    let shown = lacking.prefix(10).map { String($0 + 1) }.joined(separator: ", ") + (lacking.count > 10 ? ", ..." : "")
    throw ScriptError.runtime("\(function): row\(lacking.count == 1 ? "" : "s") \(shown) (of \(rows.count)) "
      + "\(lacking.count == 1 ? "has" : "have") no '\(column)'; filter them out first")
  }

  private static func lacks(_ r: Record, _ column: String) -> Bool {
    switch r[column] {
    case nil, .none?: return true
    default: return false
    }
  }
}
