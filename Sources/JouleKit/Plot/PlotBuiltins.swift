import Foundation
import Plot
import Script

/// The plot builtins (family "plots"): `plot`, `show`, `save` and the ready-made views
/// `tradeoff`, `convergence`, `layer_energy`, `timeline`.
///
///     study |> plot(x: "energy_j", y: "accuracy", pareto: true) |> save("plots/study.png")
enum PlotBuiltins {
  static func register(into registry: BuiltinRegistry) {
    registry.register(announcing(plot))
    registry.register(show)
    registry.register(save)
    registry.register(announcing(PlotViews.tradeoff))
    registry.register(announcing(PlotViews.convergence))
    registry.register(announcing(PlotViews.layerEnergy))
    registry.register(announcing(PlotViews.timeline))
    registry.register(announcing(BoxplotBuiltin.builtin))
  }

  /// The builtin, telling the output of each figure it makes (`OutputSink.figureMade`): a
  /// notebook cell with two plots shows both, in order, as Jupyter does.
  static func announcing(_ b: Builtin) -> Builtin {
    let body = b.body
    let wrapped = Builtin(b.name, b.parameters, family: b.family, doc: b.doc) { args, context in
      let value = try body(args, context)
      if case .host(let h) = value, h is any Figure { context.output.figureMade(value) }
      return value
    }
    wrapped.keywordHints = b.keywordHints
    return wrapped
  }

  static let plot = Builtin("plot", [
    Parameter("rows", .any, doc: "a table (list of records), a study, or anything with a 'trials' list"),
    Parameter("x", .optional(.string), default: Value.none, doc: "column for the x axis (default: row number)"),
    Parameter("y", .string, doc: "column for the y axis"),
    Parameter("by", .optional(.string), default: Value.none, doc: "column whose values split the rows into series"),
    Parameter("kind", .string, default: .string("points"), doc: "points, lines, steps or bars"),
    Parameter("title", .optional(.string), default: Value.none),
    Parameter("xlabel", .optional(.string), default: Value.none),
    Parameter("ylabel", .optional(.string), default: Value.none),
    Parameter("logx", .bool, default: .bool(false)),
    Parameter("logy", .bool, default: .bool(false)),
    Parameter("pareto", .bool, default: .bool(false), doc: "draw the Pareto front (low x, high y; low y for losses)"),
  ], family: "plots", doc: """
    A plot of y against x, one series per value of `by`: plot(runs, x: "energy_j", y: "accuracy", pareto: true).
    Shows as text at the prompt; save(p, "plots/x.png") writes png, svg, pdf or txt with its gnuplot script.
    """) { args, _ in
    let source = args["rows"]
    let rows = try RowSource.rows(of: source, function: "plot")
    let kindName = try args.string("kind")
    guard let kind = PlotKind(name: kindName) else {
      let hint = Suggestion.closest(to: kindName, among: PlotKind.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
      throw ScriptError.runtime("plot: unknown kind '\(kindName)'\(hint) (points, lines, steps, bars)")
    }
    let y = try args.string("y")
    var panel = try TableChart(rows: rows, x: try args.optionalString("x"), y: y,
                               by: try args.optionalString("by")).panel(kind: kind)
    let estimated = RowSource.estimated(source, rows: rows)
    if let t = try args.optionalString("title") {
      panel.title = t
    } else if case .host = source, let name = RowSource.string(source, ["name", "title"]) {
      panel.title = name
    }
    if let xl = try args.optionalString("xlabel") { panel.xlabel = RowSource.axisLabel(xl, column: try args.optionalString("x") ?? "", estimated: estimated) }
    if let yl = try args.optionalString("ylabel") { panel.ylabel = RowSource.axisLabel(yl, column: y, estimated: estimated) }
    panel.logx = try args.bool("logx")
    panel.logy = try args.bool("logy")
    if try args.bool("pareto") { panel.pareto = ParetoFront.Direction.guess(yName: y) }
    return .host(PlotValue(PlotSpec(panel)))
  }

  static let show = Builtin("show", [
    Parameter("value", .any),
    Parameter("window", .bool, default: .bool(false), doc: "open a gnuplot window (needs a display)"),
  ], family: "plots", doc: """
    Shows a value richly: a plot as a figure (text at the prompt, an image in a notebook), a table as a table.
    show(p, window: true) opens a window when a display exists.
    """) { args, context in
    let value = args["value"]
    if try args.bool("window") {
      guard case .host(let h) = value, let figure = h as? PlotValue else {
        throw ScriptError.runtime("show: window: true needs a plot, got \(value.typeName)")
      }
      try PlotRenderer.openWindow(figure.spec)
      return .none
    }
    context.output.display(value)
    return .none
  }

  static let save = Builtin("save", [
    Parameter("figure", .any, doc: "a plot"),
    Parameter("path", .string, doc: "file to write: .png, .svg, .pdf or .txt"),
  ], family: "plots", doc: """
    Saves a plot: save(p, "plots/tradeoff.png"). Writes the gnuplot script beside it (tradeoff.gp, data inline),
    which re-renders the figure without re-running anything. Relative paths start at the notebook's or script's
    folder (the working directory at the prompt); missing folders are made. Returns the paths written.
    """) { args, context in
    guard case .host(let h) = args["figure"], let figure = h as? any Figure else {
      throw ScriptError.runtime("save: 'figure' must be a plot, got \(args["figure"].typeName)")
    }
    let target = UserPath.inProgram(try args.string("path"), context)
    if let problem = FileProblem.problemWriting(target, creatingFolders: true) { throw ScriptError.runtime("save: \(problem)") }
    let written = try figure.save(to: target.absolute)
    return .list(written.map { .string($0) })
  }
}
