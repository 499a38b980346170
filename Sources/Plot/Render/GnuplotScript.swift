/// Writes a `PlotSpec` as a self-contained gnuplot script, its data inline.
///
///     let text = GnuplotScript(spec).text(terminal: OutputFormat.png.terminal(width: 800, height: 560),
///                                          output: "tradeoff.png")
///
/// Every string in the script (titles, labels, key entries, category names) goes through
/// `GnuplotText.quote`; the data blocks hold numbers only. So nothing a user or a data set
/// supplies can run a gnuplot command. The lines tagged `# joule:terminal` and
/// `# joule:output` are the ones `joule export` rewrites to re-render in another format.
public struct GnuplotScript {
  public let spec: PlotSpec

  public init(_ spec: PlotSpec) { self.spec = spec }

  /// A colour per series, in order (matplotlib's "tab10", which stays distinct in print).
  static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

  public static let terminalTag = "# joule:terminal"
  public static let outputTag = "# joule:output"

  /// The script; `output` nil leaves gnuplot's output where it is (a window).
  public func text(terminal: String, output: String?) throws -> String {
    guard !spec.panels.isEmpty else { throw GnuplotError.invalid("plot: nothing to draw (no panels)") }
    for (i, panel) in spec.panels.enumerated() where panel.pointCount == 0 {
      let which = spec.panels.count > 1 ? " in panel \(i + 1)" : ""
      throw GnuplotError.invalid("plot: no points to draw\(which): the columns hold no finite numbers"
        + (panel.logx || panel.logy ? " (a log axis drops zero and negative values)" : ""))
    }
    var lines = ["reset", "set encoding utf8", "\(terminal)  \(Self.terminalTag)"]
    if let output { lines.append("set output \(GnuplotText.quote(output))  \(Self.outputTag)") }
    if spec.panels.count > 1 || spec.title != nil {
      var layout = "set multiplot layout 1,\(spec.panels.count)"
      if let t = spec.title { layout += " title \(GnuplotText.quote(t))" }
      lines.append(layout)
    }
    let isText = terminal.contains("terminal dumb")
    for (i, panel) in spec.panels.enumerated() {
      lines += panelLines(panel, index: i + 1, isText: isText)
    }
    if spec.panels.count > 1 || spec.title != nil { lines.append("unset multiplot") }
    if output != nil { lines.append("unset output") }
    return lines.joined(separator: "\n") + "\n"
  }

  private func panelLines(_ panel: Panel, index: Int, isText: Bool) -> [String] {
    if panel.kind == .box { return boxLines(panel, index: index, isText: isText) }
    var l = header(panel, index: index, isText: isText)

    var barWidth = 0.8
    var offsets = [Double](repeating: 0, count: panel.series.count)
    if panel.kind == .bars {
      l.append("set style fill solid 0.85 border lc rgb '#333333'")
      // Bars that share a category sit side by side; bars alone in theirs take the full width.
      var seen: [Double: Int] = [:]
      for s in panel.series { for p in Set(panel.drawable(s).map(\.x)) { seen[p, default: 0] += 1 } }
      if seen.values.contains(where: { $0 > 1 }) {
        let n = Double(panel.series.count)
        barWidth = 0.8 / n
        offsets = panel.series.indices.map { (Double($0) - (n - 1) / 2) * barWidth }
      }
      l.append("set boxwidth \(GnuplotText.number(barWidth))")
      if panel.logy { l.append("set yrange [*:*]") } else { l.append("set yrange [0:*]") }
    }
    l += categoryLines(panel)

    var plots: [String] = []
    for (si, s) in panel.series.enumerated() {
      let name = "$joule_p\(index)_s\(si + 1)"
      let points = panel.drawable(s)
      guard !points.isEmpty else { continue }
      let color = Self.palette[si % Self.palette.count]
      let title = panel.series.count == 1 && s.name.isEmpty ? "notitle" : "title \(GnuplotText.quote(s.name))"
      if s.cutShort {
        // Cut-short runs: grey hollow triangles, whatever the panel's kind, and no interval
        // (what they spent is not what a finished run of theirs would have).
        l.append("\(name) << EOD")
        for p in points { l.append("\(GnuplotText.number(p.x + offsets[si])) \(GnuplotText.number(p.y))") }
        l.append("EOD")
        plots.append("\(name) using 1:2 with points pt 8 ps 1.2 lc rgb '#888888' \(title)")
        continue
      }
      let shifted = points.map { p -> Point in
        var q = p
        q.x += offsets[si]
        q.xInterval = p.xInterval.map { ($0.lowerBound + offsets[si])...($0.upperBound + offsets[si]) }
        return q
      }
      let (data, commands) = IntervalStyle(kind: panel.kind, series: s, logx: panel.logx, logy: panel.logy).plot(shifted, name: name, style: style(panel.kind),
                                                                            color: color, title: title)
      l += data
      plots += commands
    }
    if let direction = panel.pareto {
      let front = ParetoFront.points(of: panel.series.filter { !$0.cutShort }.flatMap { panel.drawable($0) },
                                     direction: direction)
      if !front.isEmpty {
        let name = "$joule_p\(index)_pareto"
        l.append("\(name) << EOD")
        for p in front { l.append("\(GnuplotText.number(p.x)) \(GnuplotText.number(p.y))") }
        l.append("EOD")
        plots.append("\(name) using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'")
      }
    }
    if panel.series.count == 1 && panel.pareto == nil { l.append("set key off") }
    l.append("plot " + plots.joined(separator: ", \\\n     "))
    return l
  }

  /// What every panel starts with: reset state from the panel before, grid, key, titles, axes.
  func header(_ panel: Panel, index: Int, isText: Bool) -> [String] {
    var l: [String] = []
    if index > 1 { l += ["unset logscale", "unset xtics", "set xtics", "unset title"] }
    // Characters cannot draw a faint grid; on the dumb terminal it only adds noise.
    l.append(isText ? "unset grid" : "set grid lc rgb '#dddddd'")
    l.append("set key noenhanced \(panel.keyPosition.rawValue) box opaque"
      + (panel.keyTitle.map { " title \(GnuplotText.quote($0))" } ?? " title ''"))
    // A margin inside the axes, so the extreme points are not drawn on the border.
    l.append(panel.kind == .bars ? "set offsets 0, 0, graph 0.05, 0" : "set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06")
    if let t = panel.title { l.append("set title \(GnuplotText.quote(t))") }
    if let x = panel.xlabel { l.append("set xlabel \(GnuplotText.quote(x))") } else { l.append("unset xlabel") }
    if let y = panel.ylabel { l.append("set ylabel \(GnuplotText.quote(y))") } else { l.append("unset ylabel") }
    if panel.logx { l.append("set logscale x") }
    if panel.logy { l.append("set logscale y") }
    return l
  }

  /// Tick labels for a categorical x axis: category i sits at x = i.
  func categoryLines(_ panel: Panel) -> [String] {
    guard let cats = panel.categories else { return [] }
    // Long names would squeeze the axes into a corner; 18 characters name a layer well enough.
    let short = cats.map { $0.count > 18 ? String($0.prefix(17)) + "…" : $0 }
    let tics = short.enumerated().map { "\(GnuplotText.quote($0.element)) \($0.offset)" }
    return ["set xtics (\(tics.joined(separator: ", "))) rotate by -35 noenhanced",
            "set xrange [-0.6:\(GnuplotText.number(Double(cats.count) - 0.4))]"]
  }

  func style(_ kind: PlotKind) -> String {
    switch kind {
    case .points: return "with points pt 7 ps 1.2"
    case .lines: return "with lines lw 2"
    case .steps: return "with steps lw 2"
    case .bars: return "with boxes"
    case .box: return "with boxplot"
    }
  }
}
