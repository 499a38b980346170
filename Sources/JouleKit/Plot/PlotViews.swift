import Plot
import Script

/// The ready-made figures of green-AI work: energy against accuracy with its Pareto front,
/// tuning convergence, per-layer energy and a power timeline.
///
///     tradeoff(runs)                         # which models are worth their joules
///     convergence(grid_study, bayes_study)   # which strategy finds good trials cheaply
enum PlotViews {
  static let tradeoff = Builtin("tradeoff", [
    Parameter("rows", .any, doc: "runs or trials with energy and accuracy columns, or a study"),
    Parameter("x", .string, default: .string("energy_j")),
    Parameter("y", .string, default: .string("accuracy")),
    Parameter("by", .optional(.string), default: Value.none,
              doc: "column naming each run's group (model size, optimizer); default: 'label' when the rows have one"),
    Parameter("title", .optional(.string), default: Value.none),
  ], family: "plots", doc: """
    Energy against accuracy with the Pareto front drawn: tradeoff(runs, by: "model").
    The energy axis says "(estimated)" when the joules are estimated. Pruned trials (state "pruned")
    are drawn apart as "pruned (cut short)" and never join the front.
    """) { args, _ in
    let source = args["rows"]
    let rows = try RowSource.rows(of: source, function: "tradeoff")
    let x = try args.string("x"), y = try args.string("y")
    // Rows that carry a label are grouped by it unless told otherwise: one colour per label.
    let by = try args.optionalString("by") ?? (rows.contains { $0["label"] != nil } ? "label" : nil)
    var panel = try TableChart(rows: rows, x: x, y: y, by: by, function: "tradeoff").panel(kind: .points)
    let estimated = RowSource.estimated(source, rows: rows)
    panel.xlabel = RowSource.axisLabel(x == "energy_j" ? "energy (J)" : x, column: x, estimated: estimated)
    panel.title = try args.optionalString("title") ?? "\(y) against \(x == "energy_j" ? "energy" : x)"
    panel.pareto = ParetoFront.Direction.guess(yName: y)
    return .host(PlotValue(PlotSpec(panel)))
  }

  static let convergence = Builtin("convergence", [
    Parameter("studies", .any, kind: .variadic, doc: "studies (or tables of trials), one line each"),
    Parameter("metric", .optional(.string), default: Value.none, doc: "the trial column to track (default: the study's objective)"),
    Parameter("maximize", .optional(.bool), default: Value.none, doc: "whether higher is better (default: the study's direction)"),
    Parameter("title", .optional(.string), default: Value.none),
  ], family: "plots", doc: """
    Tuning convergence, one line per strategy: the best trial so far against the trial number (left)
    and against the cumulative joules spent (right): convergence(grid, random, bayes).
    """) { args, _ in
    guard !args.rest.isEmpty else { throw ScriptError.runtime("convergence: give at least one study") }
    var byTrial: [Series] = [], byJoules: [Series] = []
    var estimated = false
    var metricName = ""
    var anyMaximized = false
    for (i, study) in args.rest.enumerated() {
      let rows = try RowSource.rows(of: study, function: "convergence")
      let metric = try args.optionalString("metric")
        ?? RowSource.string(study, ["metric", "objective"]) ?? (rows.contains { $0["accuracy"] != nil } ? "accuracy" : "value")
      try RowSource.requireColumn(metric, in: rows, function: "convergence")
      metricName = metric
      let maximize: Bool
      if case .bool(let b) = args["maximize"] {
        maximize = b
      } else if let d = RowSource.string(study, ["direction", "goal"]) {
        maximize = d.lowercased().hasPrefix("max")
      } else {
        maximize = ParetoFront.Direction.guess(yName: metric) == .minimizeXMaximizeY
      }
      anyMaximized = anyMaximized || maximize
      let name = RowSource.string(study, ["strategy", "sampler", "name"]) ?? "study \(i + 1)"
      estimated = estimated || RowSource.estimated(study, rows: rows)
      var best: Double?
      var joules = 0.0
      var a: [Point] = [], b: [Point] = []
      for (n, row) in rows.enumerated() {
        joules += try RowSource.number(row["energy_j"], column: "energy_j", row: n, function: "convergence") ?? 0
        guard let v = try RowSource.number(row[metric], column: metric, row: n, function: "convergence"), v.isFinite else { continue }
        if best == nil || (maximize ? v > best! : v < best!) { best = v }
        a.append(Point(x: Double(n + 1), y: best!))
        b.append(Point(x: joules, y: best!))
      }
      byTrial.append(Series(name: name, points: a))
      byJoules.append(Series(name: name, points: b))
    }
    var left = Panel(series: byTrial, kind: .steps, title: "best \(metricName) by trial", xlabel: "trial", ylabel: "best \(metricName) so far")
    var right = Panel(series: byJoules, kind: .steps, title: "best \(metricName) by energy",
                      xlabel: estimated ? "cumulative energy (J, estimated)" : "cumulative energy (J)",
                      ylabel: "best \(metricName) so far")
    // Best-so-far curves rise (or fall) towards one corner; keep the key out of their way.
    left.keyPosition = anyMaximized ? .bottomRight : .topRight
    right.keyPosition = left.keyPosition
    return .host(PlotValue(PlotSpec(panels: [left, right], title: try args.optionalString("title"))))
  }

  static let layerEnergy = Builtin("layer_energy", [
    Parameter("profile", .any, doc: "a profile (with a 'layers' list) or a table of layers"),
    Parameter("title", .optional(.string), default: Value.none),
  ], family: "plots", doc: """
    Per-layer energy as bars, coloured by layer kind: layer_energy(profile(m, d)).
    Reads each layer's name (name/layer), kind (kind/type) and joules (energy_j/joules).
    """) { args, _ in
    let source = args["profile"]
    let rows = try RowSource.rows(of: source, function: "layer_energy", listField: "layers")
    guard !rows.isEmpty else { throw ScriptError.runtime("layer_energy: the profile has no layers") }
    let energyColumn = ["energy_j", "joules", "energy"].first { c in rows.contains { $0[c] != nil } }
    guard let energyColumn else {
      throw ScriptError.runtime("layer_energy: no energy column (energy_j or joules) in the layers; columns: "
        + rows[0].keys.joined(separator: ", "))
    }
    var categories: [String] = []
    var kinds: [String] = []
    var points: [String: [Point]] = [:]
    for (i, row) in rows.enumerated() {
      let name = RowSource.label(row["name"] ?? row["layer"] ?? .string("layer \(i + 1)"))
      let kind = RowSource.label(row["kind"] ?? row["type"] ?? .string("layer"))
      guard let j = try RowSource.number(row[energyColumn], column: energyColumn, row: i, function: "layer_energy") else { continue }
      if points[kind] == nil { kinds.append(kind) }
      points[kind, default: []].append(Point(x: Double(categories.count), y: j))
      categories.append(name)
    }
    var panel = Panel(series: kinds.map { Series(name: $0, points: points[$0]!) }, kind: .bars,
                      title: try args.optionalString("title") ?? "energy per layer", xlabel: "layer",
                      ylabel: RowSource.estimated(source, rows: rows) ? "energy (J, estimated)" : "energy (J)")
    panel.categories = categories
    panel.keyPosition = .outsideRight
    panel.keyTitle = "layer kind"
    return .host(PlotValue(PlotSpec(panel)))
  }

  static let timeline = Builtin("timeline", [
    Parameter("measurement", .any, doc: "a measurement (with a 'timeline' of samples) or a list of samples"),
    Parameter("title", .optional(.string), default: Value.none),
  ], family: "plots", doc: """
    Power against time from a measurement's samples: timeline(measure(fn() { train(m, d) })).
    Samples are records {t, watts} or pairs [t, watts].
    """) { args, _ in
    let source = args["measurement"]
    let samples: [Value]
    if case .list(let l) = source {
      samples = l
    } else if case .list(let l)? = RowSource.field(source, "timeline") ?? RowSource.field(source, "samples") {
      samples = l
    } else {
      throw ScriptError.runtime("timeline: a \(source.typeName) has no 'timeline' of power samples")
    }
    let points = try samples.enumerated().map { i, s -> Point in
      switch s {
      case .record(let r):
        guard let t = (r["t"] ?? r["seconds"] ?? r["time"])?.number, let w = (r["watts"] ?? r["power"] ?? r["w"])?.number else {
          throw ScriptError.runtime("timeline: sample \(i + 1) needs t and watts, got \(s.shortDescription)")
        }
        return Point(x: t, y: w)
      case .list(let pair) where pair.count == 2:
        guard let t = pair[0].number, let w = pair[1].number else {
          throw ScriptError.runtime("timeline: sample \(i + 1) must be two numbers, got \(s.shortDescription)")
        }
        return Point(x: t, y: w)
      default:
        throw ScriptError.runtime("timeline: sample \(i + 1) is a \(s.typeName); expected {t, watts} or [t, watts]")
      }
    }
    guard !points.isEmpty else { throw ScriptError.runtime("timeline: the measurement has no samples") }
    let estimated = RowSource.estimated(source)
    let source_ = RowSource.string(source, ["source"]).map { " (\($0))" } ?? ""
    // One sample makes no line; show it as a point rather than an empty plot.
    let panel = Panel(series: [Series(name: "", points: points)], kind: points.count > 1 ? .lines : .points,
                      title: try args.optionalString("title") ?? "power\(source_)", xlabel: "time (s)",
                      ylabel: estimated ? "power (W, estimated)" : "power (W)")
    return .host(PlotValue(PlotSpec(panel)))
  }
}
