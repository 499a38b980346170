import Script

/// The order groups are shown in, as pandas' `groupby` sorts its keys: numbers ascending, false
/// before true, numeric text by value, other text as first seen.
///
///     GroupOrder.labels([.int(4), .int(1), .int(4)])   // ["1", "4"]
enum GroupOrder {
  static func labels(_ values: [Value]) -> [String] {
    var seen: [Value] = []
    for v in values where !seen.contains(where: { $0.isEqual(to: v) }) { seen.append(v) }
    if seen.allSatisfy({ $0.number != nil }) {
      seen.sort { $0.number! < $1.number! }
    } else if seen.allSatisfy({ if case .bool = $0 { return true } else { return false } }) {
      seen.sort { !$0.isTruthy && $1.isTruthy }
    } else if seen.allSatisfy({ Double($0.printString) != nil }) {
      seen.sort { Double($0.printString)! < Double($1.printString)! }
    }
    return seen.map { RowSource.label($0) }
  }
}
