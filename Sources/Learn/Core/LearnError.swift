/// Errors the training engine reports; the description is the message the user sees.
///
///     throw LearnError.badFile(path: "/tmp/x.gz", fault: "wrong magic number 0x00000804")
public enum LearnError: Error, CustomStringConvertible, Equatable {
  case invalidLayer(String)
  case shapeMismatch(String)
  /// A data file that cannot be used, naming the file and what is wrong with it.
  case badFile(path: String, fault: String)
  case badData(String)
  case invalidOption(String)
  /// A library loaded at run time (OpenBLAS) that is missing or is not what it should be.
  case unavailable(String)

  public var description: String {
    switch self {
    case .invalidLayer(let m), .shapeMismatch(let m), .badData(let m), .invalidOption(let m), .unavailable(let m): return m
    case let .badFile(path, fault): return "\(path): \(fault)"
    }
  }
}
