/// Why a statistic cannot be computed from the data it was given.
///
///     try Summary(of: [])   // throws StatsError.tooFew(needed: 1, got: 0, what: "describe")
public enum StatsError: Error, CustomStringConvertible, Equatable {
  case tooFew(needed: Int, got: Int, what: String)
  case notFinite(what: String)
  case outOfRange(String)

  public var description: String {
    switch self {
    case .tooFew(let needed, let got, let what):
      return "\(what) needs at least \(needed) value\(needed == 1 ? "" : "s"), got \(got)"
    case .notFinite(let what): return "\(what): the data hold NaN or infinity"
    case .outOfRange(let message): return message
    }
  }

  static func check(_ xs: [Double], atLeast n: Int, _ what: String) throws {
    if xs.count < n { throw StatsError.tooFew(needed: n, got: xs.count, what: what) }
    if !xs.allSatisfy(\.isFinite) { throw StatsError.notFinite(what: what) }
  }
}
