import Script
import Stats

/// Table work without loops: pick columns, group, deduplicate, and show with chosen precision.
///
///     table(runs, columns: ["lr", "accuracy"], digits: 3)
///     select(runs, "lr", "accuracy")
///     group_by(runs, "conv")                    # {"1": [rows...], "4": [rows...]}
///     group_by(runs, "conv", value: "energy_j") # {"1": [2.51, ...], "4": [...]}
///     unique(runs, by: "conv")                  # [1, 4]
///     std([2.76, 2.29, 2.51])
enum TableBuiltins {
  static func register(into registry: BuiltinRegistry) {
    for b in builtins { registry.register(b) }
  }

  static var builtins: [Builtin] {
    [
      Builtin("table", [Parameter("rows", doc: "a list of records, or anything with rows (a study, an experiment)"),
                        Parameter("columns", .optional(.list), default: .some(.none), doc: "the columns to show, in order"),
                        Parameter("digits", .int, default: .int(4), doc: "significant digits of numbers")],
              family: "tables", doc: """
        The rows shown as a table with chosen columns and precision; `t.rows` gives the records back \
        at full precision.
        """) { args, _ in
        let rows = try TableRows.records(args["rows"], function: "table")
        let digits = try args.int("digits")
        guard (1...17).contains(digits) else { throw ScriptError.runtime("table: digits must be 1 to 17, got \(digits)") }
        var columns: [String]?
        if args.has("columns") {
          columns = try args.list("columns").map { v in
            guard case .string(let s) = v else { throw ScriptError.runtime("table: columns are names (strings), got \(v.typeName)") }
            try RowSource.requireColumn(s, in: rows, function: "table")
            return s
          }
        }
        return .host(TableView(rows: rows, columns: columns, digits: digits))
      },
      Builtin("select", [Parameter("rows"), Parameter("columns", .string, kind: .variadic, doc: "column names")],
              family: "tables", doc: "The rows with only the named columns, in that order: select(runs, \"lr\", \"accuracy\").") { args, _ in
        let rows = try TableRows.records(args["rows"], function: "select")
        let names = args.rest.map { $0.printString }
        guard !names.isEmpty else { throw ScriptError.runtime("select: name at least one column") }
        for n in names { try RowSource.requireColumn(n, in: rows, function: "select") }
        return .list(rows.map { r in .record(Record(names.compactMap { n in r[n].map { (n, $0) } })) })
      },
      Builtin("group_by", [Parameter("rows"), Parameter("key", .string, doc: "the column to group on"),
                           Parameter("value", .optional(.string), default: .some(.none),
                                     doc: "a column: each group holds its values instead of its rows")],
              family: "tables", doc: """
        The rows grouped by one column, as a record from each value (as text; numbers in order, else \
        first seen) to its rows.
        """) { args, _ in
        let rows = try TableRows.records(args["rows"], function: "group_by")
        let key = try args.string("key")
        try RowSource.requireColumn(key, in: rows, function: "group_by")
        let value = try args.optionalString("value")
        if let value {
          try RowSource.requireColumn(value, in: rows, function: "group_by")
          try MissingValues.check(rows, column: value, by: key, function: "group_by")
        }
        var lists: [String: [Value]] = [:]
        for r in rows {
          lists[TableRows.label(r[key] ?? .none), default: []].append(value.map { r[$0] ?? .none } ?? .record(r))
        }
        let order = GroupOrder.labels(rows.map { $0[key] ?? .none })
        return .record(Record(order.map { ($0, .list(lists[$0] ?? [])) }))
      },
      Builtin("unique", [Parameter("xs", .list),
                         Parameter("by", .optional(.string), default: .some(.none), doc: "a column: its distinct values")],
              family: "tables", doc: "The distinct values of a list (or of one column of a table), in first-seen order.") { args, _ in
        var items = try args.list("xs")
        if let by = try args.optionalString("by") {
          let rows = try TableRows.records(.list(items), function: "unique")
          try RowSource.requireColumn(by, in: rows, function: "unique")
          items = rows.map { $0[by] ?? .none }
        }
        var out: [Value] = []
        for v in items where !out.contains(where: { $0.isEqual(to: v) }) { out.append(v) }
        return .list(out)
      },
      Builtin("std", [Parameter("xs", doc: "a list of numbers, or a table with field:"),
                      Parameter("field", .optional(.string), default: .some(.none), doc: "a column of a table")],
              family: "tables", doc: "The sample standard deviation (n − 1 in the denominator, as pandas and R).") { args, _ in
        let xs = try TableRows.numbers(args["xs"], field: try args.optionalString("field"), function: "std")
        guard xs.count >= 2 else { throw ScriptError.runtime("std: needs at least 2 numbers, got \(xs.count)") }
        return .float(Moments.variance(xs).squareRoot())
      },
    ]
  }
}
