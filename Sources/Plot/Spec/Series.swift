/// One named set of points in a panel: one line, one set of markers, one colour of bars.
///
///     Series(name: "adam", points: [Point(x: 1, y: 0.8), Point(x: 2, y: 0.85)])
public struct Series: Equatable {
  public var name: String
  public var points: [Point]
  /// Points of runs cut short (pruned trials): drawn with their own hollow marker and left out
  /// of the panel's Pareto front, which only finished runs may form.
  public var cutShort: Bool

  public init(name: String, points: [Point], cutShort: Bool = false) {
    self.name = name
    self.points = points
    self.cutShort = cutShort
  }
}

/// A point of a series.
public struct Point: Equatable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
