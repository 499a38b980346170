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

  /// True when some point carries an interval on y (drawn as error bars or a band).
  public var hasYInterval: Bool { points.contains { $0.yInterval != nil } }
  /// True when some point carries an interval on x (drawn as horizontal error bars).
  public var hasXInterval: Bool { points.contains { $0.xInterval != nil } }
}
