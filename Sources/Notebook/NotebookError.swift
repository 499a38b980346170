import Script

/// Errors of the notebook machinery itself (not of the code in its cells).
///
///     joule: cannot read notebooks/missing.jnb
public enum NotebookError: Error, CustomStringConvertible, Equatable {
  case cannotRead(String)
  case cannotWrite(String, reason: String)
  case noFigures(String)
  /// A .ipynb file that is not an nbformat 4 notebook, or a cell that cannot become percent format.
  case badIpynb(String, reason: String)

  public var description: String {
    switch self {
    case .cannotRead(let p):
      // Why, when the file system can tell (missing, a folder, no permission).
      return FileProblem.problemReading(UserPath(p, relativeTo: nil)) ?? "cannot read \(p)"
    case .cannotWrite(let p, let reason): return "cannot write \(p): \(reason)"
    case .badIpynb(let p, let reason): return "\(p): \(reason)"
    case .noFigures(let dir): return "no saved figures (.gp scripts) in \(dir); run the notebook first"
    }
  }
}
