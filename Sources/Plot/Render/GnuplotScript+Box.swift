/// Box plots: one box per category and series, series side by side within a category.
///
///     var panel = Panel(series: [Series(name: "relu", points: pts)], kind: .box)
///     panel.categories = ["1", "4"]     // a point's x is its category's index
///
/// Boxes are gnuplot's `with boxplot` (quartiles, whiskers to the furthest value within 1.5 IQR,
/// Tukey 1977). With few values per box (or `jitter: true`) every value is drawn over its box
/// as a point, spread sideways by a fixed low-discrepancy sequence, so the figure is the same
/// on every run; the outliers gnuplot would draw are then left out, since the points show them.
extension GnuplotScript {
  /// At most this many values per box are overlaid as points unless jitter is asked for.
  static let jitterLimit = 40

  func boxLines(_ panel: Panel, index: Int, isText: Bool) -> [String] {
    var l = header(panel, index: index, isText: isText)
    l += categoryLines(panel)
    let n = Double(max(1, panel.series.count))
    let width = 0.7 / n
    let largest = panel.series.flatMap { s in Dictionary(grouping: panel.drawable(s), by: \.x).values.map(\.count) }.max() ?? 0
    let jitter = panel.jitter ?? (largest <= Self.jitterLimit)
    l.append("set style fill solid 0.35 border lc rgb '#333333'")
    l.append("set style boxplot \(jitter ? "nooutliers" : "outliers pointtype 7") medianlinewidth 2.5")
    l.append("set boxwidth \(GnuplotText.number(width * 0.9))")
    if panel.categories == nil { l.append("set xtics") }

    var plots: [String] = []
    for (si, s) in panel.series.enumerated() {
      let color = Self.palette[si % Self.palette.count]
      let offset = (Double(si) - (n - 1) / 2) * width
      let boxes = Dictionary(grouping: panel.drawable(s), by: \.x).sorted { $0.key < $1.key }
      var titled = false
      for (bi, box) in boxes.enumerated() {
        let name = "$joule_p\(index)_s\(si + 1)_b\(bi + 1)"
        let x = box.key + offset
        l.append("\(name) << EOD")
        for (i, p) in box.value.enumerated() {
          // Golden-ratio steps spread points evenly over the box's middle 60% without randomness.
          let u = (Double(i) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1) - 0.5
          l.append("\(GnuplotText.number(x + u * width * 0.6)) \(GnuplotText.number(p.y))")
        }
        l.append("EOD")
        let title = !titled && !(panel.series.count == 1 && s.name.isEmpty) ? "title \(GnuplotText.quote(s.name))" : "notitle"
        titled = true
        plots.append("\(name) using (\(GnuplotText.number(x))):2 with boxplot lc rgb '\(color)' \(title)")
        if jitter {
          plots.append("\(name) using 1:2 with points pt 7 ps \(isText ? "1" : "0.6") lc rgb '\(color)' notitle")
        }
      }
    }
    if panel.series.count == 1 { l.append("set key off") }
    l.append("plot " + plots.joined(separator: ", \\\n     "))
    return l
  }
}
