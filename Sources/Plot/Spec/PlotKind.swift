/// How a series is drawn.
///
///     PlotKind(name: "steps")   // .steps
public enum PlotKind: String, CaseIterable, Equatable {
  case points, lines, steps, bars
  /// Box and whiskers per category (and per series beside each other), Tukey's 1.5 IQR whiskers.
  case box

  /// Parses a kind by name; nil for an unknown one.
  public init?(name: String) { self.init(rawValue: name.lowercased()) }
}
