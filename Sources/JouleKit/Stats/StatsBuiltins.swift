import Script
import Stats

/// Statistics on lists of numbers (or a column of a table), each returning a record; the
/// figures agree with SciPy's (Tests/StatsTests).
///
///     describe(rows, "energy_j")        # {n, mean, sd, median, q1, q3, min, max, ci_low, ci_high}
///     shapiro(xs).p;  welch(a, b);  mann_whitney(a, b);  kruskal([a, b, c]);  cohens_d(a, b)
///     bootstrap_ci(xs, stat: "median", level: 0.95, seed: 1)
enum StatsBuiltins {
  static func register(into registry: BuiltinRegistry) {
    for b in builtins { registry.register(b) }
    registry.register(CompareBuiltin.builtin)
    registry.register(ExperimentCall.builtin)
  }

  private static let sample = Parameter("xs", doc: "a list of numbers, or a table with field:")
  private static let field = Parameter("field", .optional(.string), default: .some(.none), doc: "a column of a table")

  static func numbers(_ args: BoundArguments, _ name: String = "xs", function: String) throws -> [Double] {
    try TableRows.numbers(args[name], field: args.has("field") ? try args.string("field") : nil, function: function)
  }

  /// Runs a Stats computation and turns its errors into the builtin's.
  static func stats<T>(_ function: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StatsError {
      let text = e.description
      throw ScriptError.runtime(text.hasPrefix(function) ? text : "\(function): \(text)")
    }
  }

  static func record(_ pairs: [(String, Value)]) -> Value { .record(Record(pairs)) }

  static var builtins: [Builtin] {
    [
      Builtin("describe", [sample, field, Parameter("level", .number, default: .float(0.95), doc: "of the interval for the mean")],
              family: "statistics", doc: """
        n, mean, sd (n − 1), median, quartiles (numpy's linear method), min, max, and a t confidence \
        interval for the mean (ci_low, ci_high).
        """) { args, _ in
        let xs = try numbers(args, function: "describe")
        let s = try stats("describe") { try Summary(of: xs, level: try args.double("level")) }
        return record([("n", .int(s.n)), ("mean", .float(s.mean)), ("sd", .float(s.sd)), ("median", .float(s.median)),
                       ("q1", .float(s.q1)), ("q3", .float(s.q3)), ("min", .float(s.min)), ("max", .float(s.max)),
                       ("ci_low", s.ciLow.map(Value.float) ?? .none), ("ci_high", s.ciHigh.map(Value.float) ?? .none)])
      },
      Builtin("quantile", [Parameter("xs"), Parameter("q", .oneOf([.number, .list]), doc: "in 0...1, or a list of them"), field],
              family: "statistics", doc: "Sample quantiles by linear interpolation (numpy's default): quantile(xs, 0.9).") { args, _ in
        let xs = try numbers(args, function: "quantile")
        if case .list(let qs) = args["q"] {
          let ps = try qs.map { v -> Double in
            guard let d = v.number else { throw ScriptError.runtime("quantile: q must be numbers, got \(v.typeName)") }
            return d
          }
          return .list(try stats("quantile") { try Quantile.of(xs, ps) }.map(Value.float))
        }
        return .float(try stats("quantile") { try Quantile.of(xs, try args.double("q")) })
      },
      Builtin("bootstrap_ci", [sample, field,
                               Parameter("stat", .oneOf([.string, .function]), default: .string("mean"),
                                         doc: "\"mean\", \"median\", \"sd\", or a function of a list"),
                               Parameter("level", .number, default: .float(0.95)),
                               Parameter("resamples", .int, default: .int(9_999)),
                               Parameter("seed", .int, default: .int(0))],
              family: "statistics", doc: """
        A percentile bootstrap confidence interval for a statistic: {low, high, estimate, level, resamples}. \
        Seeded: the same call gives the same interval.
        """) { args, ctx in
        let xs = try numbers(args, function: "bootstrap_ci")
        let statistic: ([Double]) throws -> Double
        switch args["stat"] {
        case .string("mean"): statistic = Moments.mean
        case .string("median"): statistic = { Quantile.ofSorted($0.sorted(), q: 0.5) }
        case .string("sd"): statistic = { Moments.variance($0).squareRoot() }
        case .string(let s): throw ScriptError.runtime("bootstrap_ci: stat \"\(s)\" is not one of mean, median, sd; pass a function for others")
        case let f:
          statistic = { sample in
            let v = try ctx.call(f, Arguments([.list(sample.map(Value.float))]))
            guard let d = v.number else { throw ScriptError.runtime("bootstrap_ci: stat must return a number, got \(v.typeName)") }
            return d
          }
        }
        let seed = UInt64(bitPattern: Int64(try args.int("seed")))
        let ci = try stats("bootstrap_ci") {
          try Bootstrap.interval(xs, level: try args.double("level"), resamples: try args.int("resamples"), seed: seed,
                                 statistic: statistic)
        }
        return record([("low", .float(ci.low)), ("high", .float(ci.high)), ("estimate", .float(ci.estimate)),
                       ("level", .float(ci.level)), ("resamples", .int(ci.resamples))])
      },
      Builtin("shapiro", [sample, field], family: "statistics",
              doc: "The Shapiro–Wilk test of normality (Royston's AS R94, as SciPy): {w, p, n, normal}.") { args, _ in
        let xs = try numbers(args, function: "shapiro")
        let r = try stats("shapiro") { try ShapiroWilk(xs) }
        return record([("w", .float(r.w)), ("p", .float(r.p)), ("n", .int(r.n)), ("normal", .bool(r.looksNormal()))])
      },
      Builtin("welch", [Parameter("a"), Parameter("b"), field], family: "statistics",
              doc: "Welch's two-sample t-test, two-sided: {t, df, p}.") { args, _ in
        let a = try numbers(args, "a", function: "welch"), b = try numbers(args, "b", function: "welch")
        let r = try stats("welch") { try WelchTest(a, b) }
        return record([("t", .float(r.t)), ("df", .float(r.df)), ("p", .float(r.p))])
      },
      Builtin("mann_whitney", [Parameter("a"), Parameter("b"), field], family: "statistics", doc: """
        The Mann–Whitney U test, two-sided (SciPy's defaults: exact for small samples without ties, else \
        normal with tie and continuity corrections): {u, p, cliffs_delta, effect, method}.
        """) { args, _ in
        let a = try numbers(args, "a", function: "mann_whitney"), b = try numbers(args, "b", function: "mann_whitney")
        let r = try stats("mann_whitney") { try MannWhitneyU(a, b) }
        return record([("u", .float(r.u)), ("p", .float(r.p)), ("cliffs_delta", .float(r.cliffsDelta)),
                       ("effect", .string(EffectSize.cliffsDelta(r.cliffsDelta).label)), ("method", .string(r.method))])
      },
      Builtin("kruskal", [Parameter("groups", .oneOf([.list, .record]), doc: "a list of lists of numbers, or group_by's record")],
              family: "statistics", doc: """
        The Kruskal–Wallis H test with tie correction: {h, df, p, eta_squared, effect}; \
        η² = (H − k + 1)/(n − k).
        """) { args, _ in
        let groups: [Value]
        switch args["groups"] {
        case .record(let r): groups = r.values
        case .list(let l): groups = l
        default: groups = []
        }
        let lists = try groups.map { try TableRows.numbers($0, function: "kruskal") }
        let r = try stats("kruskal") { try KruskalWallis(lists) }
        return record([("h", .float(r.h)), ("df", .int(r.df)), ("p", .float(r.p)), ("eta_squared", .float(r.etaSquared)),
                       ("effect", .string(EffectSize.etaSquared(r.etaSquared).label))])
      },
      Builtin("cohens_d", [Parameter("a"), Parameter("b"), field], family: "statistics",
              doc: "Cohen's d: difference of means over the pooled standard deviation.") { args, _ in
        let a = try numbers(args, "a", function: "cohens_d"), b = try numbers(args, "b", function: "cohens_d")
        return .float(try stats("cohens_d") { try CohensD.of(a, b) })
      },
    ]
  }
}
