/// What a record the host made is, for display: a train run, a measurement, a program's run.
/// The record stays a record (fields, `keys`, tables, JSON); only its display changes, to one
/// summary line, with every field one access away.
///
///     final class RunKind: RecordKind {
///       func summary(_ r: Record) -> String { "<run \(r["name"]?.printString ?? "")>" }
///     }
///     var r = Record(kind: RunKind(), [("name", .string("a"))])
///     Value.record(r).displayString   // "<run a>"
///
/// The kind travels with the record's shape: adding or removing a field keeps it; a record
/// built anew (a literal, a spread) has none.
public protocol RecordKind: AnyObject, Sendable {
  /// The one line shown for the record, no wider than `width` when given.
  func summary(_ record: Record, width: Int?) -> String
  /// Fields a table of such records leaves out unless asked for by name (a program's
  /// `stdout`): long text that would drown the figures.
  var tableHidden: [String] { get }
}

extension RecordKind {
  public var tableHidden: [String] { [] }
}
