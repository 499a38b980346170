/// What can go wrong between joule and gnuplot; the description is what the user reads.
///
///     plot: gnuplot is not installed: install the Debian package gnuplot-nox ...
public enum GnuplotError: Error, CustomStringConvertible, Equatable {
  /// No gnuplot executable found (on PATH, or where `JOULE_GNUPLOT` points).
  case notInstalled(lookedFor: String)
  /// gnuplot rejected a command: its `GPVAL_ERRMSG` and whatever it printed.
  case gnuplot(code: Int, message: String)
  /// The gnuplot process ended or could not start.
  case processFailed(String)
  /// gnuplot did not answer within the time limit.
  case timedOut(seconds: Double)
  /// The figure has nothing to draw, or a request that cannot be drawn.
  case invalid(String)

  public var description: String {
    switch self {
    case .notInstalled(let where_):
      return "gnuplot is not installed (looked for \(where_)): install the Debian package gnuplot-nox "
        + "(apt-get install gnuplot-nox) or set JOULE_GNUPLOT to its path; nothing else was changed"
    case .gnuplot(_, let message):
      return "gnuplot: " + message.trimmingCharacters(in: .whitespacesAndNewlines)
    case .processFailed(let why):
      return "gnuplot stopped: " + why.trimmingCharacters(in: .whitespacesAndNewlines)
    case .timedOut(let s):
      return "gnuplot did not answer within \(Int(s)) s"
    case .invalid(let why):
      return why
    }
  }
}
