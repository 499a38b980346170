/// What `table(rows, columns: [...], digits: 3)` returns: the rows with the columns and
/// precision to show them in. It displays as a table; `t.rows` gives the records back.
///
///     t = table(runs, columns: ["lr", "accuracy"], digits: 3)
///     t.rows[0].accuracy    # full precision
public final class TableView: SizedDisplay, Tabular {
  public let rows: [Record]
  public let columns: [String]?
  public let digits: Int

  public init(rows: [Record], columns: [String]? = nil, digits: Int = 4) {
    self.rows = rows
    self.columns = columns
    self.digits = digits
  }

  public var typeName: String { "table" }
  public var fieldNames: [String] { ["rows", "columns", "digits"] }

  public func field(_ name: String) -> Value? {
    switch name {
    case "rows": return .list(rows.map { .record($0) })
    case "columns": return .list(layout.columns.map { .string($0) })
    case "digits": return .int(digits)
    default: return nil
    }
  }

  public var tableRows: [Record] { rows }
  public var tableColumns: [String]? { columns }
  public var tableDigits: Int { digits }
  public var tableNotes: [String] { [] }

  public var layout: TableLayout { TableLayout(rows: rows, columns: columns, digits: digits) }

  public var displayText: String { displayText(width: nil) }

  public func displayText(width: Int?) -> String {
    rows.isEmpty ? "(empty table)" : Table(rows: rows, columns: columns, digits: digits).text(width: width)
  }
}
