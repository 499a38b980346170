/// Whether a comparison's verdict survives other values of the metric: the same groups
/// recomputed under each scenario (for estimated energy, each shape the estimate could have),
/// compared again, and the outcome checked against the original's.
///
///     let check = try VerdictRobustness(original: c, scenarios: [("idle 60%, u^1.6", groups60)],
///                                       range: "idle 10–60% of full power")
///     check.holds   // false
///     check.line    // "depends on the estimate: with idle 60%, u^1.6, groups overlap within the noise ..."
///
/// The outcome is what the verdict says, not its p-value: which group is lowest when one stands
/// out, or that the groups differ with no clear lowest, or that they overlap. A verdict that
/// names the same winner everywhere holds; one that names another winner, or none, somewhere
/// depends on the estimate, and the line says where.
public struct VerdictRobustness: Sendable {
  public struct Failure: Sendable {
    public let scenario: String
    public let verdict: String
  }

  /// True when every scenario gives the original's outcome.
  public let holds: Bool
  /// The scenarios whose outcome differs, with their verdicts.
  public let failures: [Failure]
  public let scenarioCount: Int
  /// What the scenarios span, in words.
  public let range: String

  public init(original: Comparison, scenarios: [(name: String, groups: [(label: String, values: [Double])])],
              range: String) throws {
    let expected = Self.outcome(original)
    var failures: [Failure] = []
    for s in scenarios {
      let c = try Comparison(s.groups, alpha: original.alpha)
      if Self.outcome(c) != expected { failures.append(Failure(scenario: s.name, verdict: c.verdict)) }
    }
    self.failures = failures
    holds = failures.isEmpty
    scenarioCount = scenarios.count
    self.range = range
  }

  /// The sentence `compare` prints.
  public var line: String {
    if holds { return "holds whatever the estimate's shape (\(scenarioCount) shapes: \(range))" }
    let first = failures[0]
    return "depends on the estimate: with \(first.scenario), \(first.verdict)"
      + " (\(failures.count) of \(scenarioCount) shapes differ: \(range))"
  }

  /// The lowest group's label, "differ" (no clear lowest) or "overlap".
  static func outcome(_ c: Comparison) -> String {
    if let best = c.lowest { return "lowest " + best.label }
    return c.p < c.alpha ? "differ" : "overlap"
  }
}
