/// How a series is drawn.
///
///     PlotKind(name: "steps")   // .steps
public enum PlotKind: String, CaseIterable, Equatable {
  case points, lines, steps, bars

  /// Parses a kind by name; nil for an unknown one.
  public init?(name: String) { self.init(rawValue: name.lowercased()) }
}
