/// A study: its settings and every trial so far, with the summaries analysts ask for.
///
///     study.best?.value                         // best complete trial
///     study.rows                                // trials with cumulative joules and best so far
///     study.pareto(x: "energy_j", y: "accuracy")
///     study.roundsTo(0.85)                      // first trial number whose best so far reaches 0.85
public struct Study: Sendable {
  public var settings: StudySettings
  public var trials: [Trial]
  /// Why the last run stopped: "done", "budget: ...", "interrupted", "grid exhausted".
  public var stopReason: String?

  public init(settings: StudySettings, trials: [Trial] = [], stopReason: String? = nil) {
    self.settings = settings
    self.trials = trials
    self.stopReason = stopReason
  }

  public var name: String { settings.name }
  public var direction: Direction { settings.direction }

  /// A trial with the running totals shown in the `trials` table.
  public struct Row: Sendable {
    public var trial: Trial
    public var cumulativeJ: Double
    /// Best value among complete feasible trials up to and including this one (nil before the first).
    public var bestSoFar: Double?
  }

  /// Trials in number order with cumulative energy and best so far.
  public var rows: [Row] {
    var spent = 0.0
    var best: Double?
    return trials.sorted { $0.number < $1.number }.map { t in
      spent += t.energyJ ?? 0
      if t.state == .complete, isFeasible(t), let v = t.value, v.isFinite, best == nil || direction.better(v, than: best!) {
        best = v
      }
      return Row(trial: t, cumulativeJ: spent, bestSoFar: best)
    }
  }

  /// Joules spent by every trial recorded, including interrupted ones.
  public var spentJ: Double { trials.reduce(0) { $0 + ($1.energyJ ?? 0) } }

  public var finishedCount: Int { trials.filter { $0.state.isFinished }.count }

  /// Whether a trial meets the study's constraints (always, without constraints).
  public func isFeasible(_ t: Trial) -> Bool { t.isFeasible(constraints: settings.constraints ?? 0) }

  /// The complete feasible trial with the best value (the earliest on ties).
  public var best: Trial? {
    var b: Trial?
    for t in trials.sorted(by: { $0.number < $1.number }) where t.state == .complete && isFeasible(t) {
      guard let v = t.value, v.isFinite else { continue }
      if b == nil || direction.better(v, than: b!.value!) { b = t }
    }
    return b
  }

  /// The first trial number whose best-so-far reaches `target` (≥ when maximising, ≤ when
  /// minimising), or nil if none does. Counts like the paper's "rounds to the optimum".
  public func roundsTo(_ target: Double) -> Int? {
    rows.first { r in
      guard let b = r.bestSoFar else { return false }
      return direction == .maximize ? b >= target : b <= target
    }?.trial.number
  }

  /// A numeric field of a trial by the name the `trials` table uses: number, value, energy_j,
  /// seconds, a metric (accuracy, loss, ...) or a numeric parameter.
  public func field(_ name: String, of t: Trial) -> Double? {
    switch name {
    case "number": return Double(t.number)
    case "value": return t.value
    case "energy_j": return t.energyJ
    case "seconds": return t.seconds
    default:
      if let m = t.metrics[name] { return m }
      if name == settings.metric { return t.value }
      if let i = settings.space.names.firstIndex(of: name) { return t.params[i].number }
      return nil
    }
  }

  /// Complete trials not dominated on (x, y): by default lower x and higher y are better.
  /// Sorted by x, best first. O(n²), fine for studies of hundreds of trials.
  public func pareto(x: String, y: String, maximizeX: Bool = false, maximizeY: Bool = true) -> [Trial] {
    let pts = trials.compactMap { t -> (Trial, Double, Double)? in
      guard t.state == .complete, let a = field(x, of: t), let b = field(y, of: t), a.isFinite, b.isFinite else { return nil }
      return (t, maximizeX ? -a : a, maximizeY ? -b : b)
    }
    let front = pts.filter { p in
      !pts.contains { q in q.1 <= p.1 && q.2 <= p.2 && (q.1 < p.1 || q.2 < p.2) }
    }
    return front.sorted { ($0.1, $0.2, $0.0.number) < ($1.1, $1.2, $1.0.number) }.map(\.0)
  }
}
