/// What can go wrong in tuning, with a message meant for the analyst.
///
///     throw TuneError.invalidSpace("uniform(1, 0): need finite lower < upper")
public enum TuneError: Error, CustomStringConvertible, Equatable {
  case invalidSpace(String)
  case invalidSettings(String)
  /// The store could not be opened or read: path and reason.
  case store(String)
  /// A study of that name exists with other settings.
  case mismatch(String)

  public var description: String {
    switch self {
    case .invalidSpace(let m): return "search space: \(m)"
    case .invalidSettings(let m): return m
    case .store(let m): return "study store: \(m)"
    case .mismatch(let m): return m
    }
  }
}
