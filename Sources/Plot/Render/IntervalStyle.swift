/// How a series with intervals is drawn: error bars on points and bars, a translucent band
/// under lines and steps; a series without intervals is drawn as before.
///
///     let (data, plots) = IntervalStyle(kind: .lines, series: s).plot(points, name: "$d", style: "with lines lw 2",
///                                                                      color: "#1f77b4", title: "title 'adam'")
///     // plots[0]: "$d using 1:3:4 with filledcurves ... notitle", plots[1]: "$d using 1:2 with lines ..."
///
/// The data block holds x, y, then the x interval and the y interval when the series has them
/// (a point without one repeats its value, a bar of no length). Estimated energy carries its
/// 80% interval this way (`energy_low_j`, `energy_high_j`).
struct IntervalStyle {
  var kind: PlotKind
  var series: Series
  /// On a logarithmic axis a bound at or below zero cannot be drawn: it shrinks to the value.
  var logx = false
  var logy = false

  func plot(_ points: [Point], name: String, style: String, color: String, title: String) -> (data: [String], plots: [String]) {
    // Bars stand on categories or counts: only points get horizontal bars.
    let withX = series.hasXInterval && kind == .points
    let withY = series.hasYInterval
    var data = ["\(name) << EOD"]
    for p in points {
      var cols = [p.x, p.y]
      if withX { cols += [bound(p.xInterval?.lowerBound, p.x, logx), bound(p.xInterval?.upperBound, p.x, logx)] }
      if withY { cols += [bound(p.yInterval?.lowerBound, p.y, logy), bound(p.yInterval?.upperBound, p.y, logy)] }
      data.append(cols.map(GnuplotText.number).joined(separator: " "))
    }
    data.append("EOD")
    let main = "\(name) using 1:2 \(style) lc rgb '\(color)' \(title)"
    guard withX || withY else { return (data, [main]) }
    let y = withX ? "5:6" : "3:4"
    switch kind {
    case .lines, .steps:
      // The band first, so the line is drawn over it.
      let band = "\(name) using 1:\(y) with filledcurves fc rgb '\(color)' fs transparent solid 0.2 noborder notitle"
      return (data, [band, main])
    case .points:
      let bars: String
      if withX && withY {
        bars = "\(name) using 1:2:3:4:5:6 with xyerrorbars pt 7 ps 1.2 lc rgb '\(color)' \(title)"
      } else if withX {
        bars = "\(name) using 1:2:3:4 with xerrorbars pt 7 ps 1.2 lc rgb '\(color)' \(title)"
      } else {
        bars = "\(name) using 1:2:3:4 with yerrorbars pt 7 ps 1.2 lc rgb '\(color)' \(title)"
      }
      return (data, [bars])
    case .bars:
      guard withY else { return (data, [main]) }
      return (data, [main, "\(name) using 1:2:\(y) with yerrorbars pt 0 lw 1.5 lc rgb '#333333' notitle"])
    case .box:
      return (data, [main])
    }
  }

  private func bound(_ b: Double?, _ value: Double, _ log: Bool) -> Double {
    guard let b, b.isFinite, !(log && b <= 0) else { return value }
    return b
  }
}
