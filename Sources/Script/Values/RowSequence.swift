/// A host value that is a table of records at heart (an experiment, a study): wherever a list
/// is expected it behaves as the list of its rows, so `len`, `for`, `e[0]`, `e[1:3]`, `map`,
/// `filter` and `sort` work on it as they do on the rows.
///
///     final class Runs: RowSequence { var rows: [Record] { ... } ... }
///     len(e) == len(e.rows)     # true
///     for run in e { print(run.energy_j) }
public protocol RowSequence: HostObject {
  /// The rows, in order.
  var rows: [Record] { get }
}

extension Value {
  /// The rows of a `RowSequence` host value as a list, else nil.
  public var rowList: Value? {
    guard case .host(let h) = self, let s = h as? any RowSequence else { return nil }
    return .table(s.rows)
  }
}
