/// The non-dominated points of a set: those no other point beats on both axes.
///
///     ParetoFront.points(of: pts, direction: .minimizeXMaximizeY)
///     // energy vs accuracy: the cheapest model for each level of accuracy
///
/// Complexity: O(n log n) for n points.
public enum ParetoFront {
  public enum Direction: String, Equatable {
    /// x is a cost (joules, seconds), y a quality (accuracy): the front's default.
    case minimizeXMaximizeY
    /// Both axes are costs (energy and loss).
    case minimizeXMinimizeY

    /// A direction from the y column's name: losses and errors are minimised.
    public static func guess(yName: String) -> Direction {
      let n = yName.lowercased()
      let costs = ["loss", "error", "energy", "joule", "seconds", "time", "co2", "carbon", "watts"]
      return costs.contains { n.contains($0) } ? .minimizeXMinimizeY : .minimizeXMaximizeY
    }
  }

  /// The front, sorted by x. Points equal on both axes appear once.
  public static func points(of points: [Point], direction: Direction) -> [Point] {
    let better: (Double, Double) -> Bool = direction == .minimizeXMaximizeY ? { $0 > $1 } : { $0 < $1 }
    let sorted = points.filter { $0.x.isFinite && $0.y.isFinite }.sorted {
      $0.x != $1.x ? $0.x < $1.x : better($0.y, $1.y)
    }
    var front: [Point] = []
    for p in sorted where front.isEmpty || better(p.y, front.last!.y) {
      front.append(p)
    }
    return front
  }
}
