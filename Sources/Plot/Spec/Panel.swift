/// One set of axes: its series, how they are drawn, and the labels around them.
///
///     var p = Panel(series: [s], kind: .points)
///     p.xlabel = "energy (J)"
///     p.pareto = .minimizeXMaximizeY
///
/// With `categories`, the x axis is categorical: a point's x is the index of its category
/// (bars per layer, say) and the tick labels are the category names.
public struct Panel: Equatable {
  public var series: [Series]
  public var kind: PlotKind
  public var title: String?
  public var xlabel: String?
  public var ylabel: String?
  public var logx = false
  public var logy = false
  public var categories: [String]?
  /// Draws the Pareto front of all the panel's points, in this sense of "better".
  public var pareto: ParetoFront.Direction?
  /// A heading over the key, e.g. the column the series are grouped by.
  public var keyTitle: String?
  /// Where the key sits, in gnuplot's words: "top left", "bottom right", ...
  public var keyPosition: KeyPosition = .topLeft
  /// Box plots: overlay each value as a jittered point. nil decides by count (few values show).
  public var jitter: Bool?

  public enum KeyPosition: String, Equatable {
    case topLeft = "top left", topRight = "top right", bottomLeft = "bottom left", bottomRight = "bottom right"
    /// Right of the axes, for bars that fill the plot area.
    case outsideRight = "outside right top"
  }

  public init(series: [Series], kind: PlotKind = .points, title: String? = nil,
              xlabel: String? = nil, ylabel: String? = nil) {
    self.series = series
    self.kind = kind
    self.title = title
    self.xlabel = xlabel
    self.ylabel = ylabel
  }

  /// The points that can be drawn: finite, and positive on a logarithmic axis.
  public func drawable(_ s: Series) -> [Point] {
    s.points.filter { p in
      p.x.isFinite && p.y.isFinite && (!logx || p.x > 0) && (!logy || p.y > 0)
    }
  }

  public var pointCount: Int { series.reduce(0) { $0 + drawable($1).count } }
}
