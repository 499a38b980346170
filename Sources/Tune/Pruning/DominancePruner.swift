/// The median rule for two objectives: stop a trial whose pair of values at a step is dominated
/// by a strict majority of the complete trials' pairs at that same step.
///
///     let p = DominancePruner(startupTrials: 5)
///     p.shouldPrune(current, others: curves)    // true: most finished trials were better and cheaper here
///
/// A study with `maximize: "accuracy", minimize: "energy_j"` reports, at each step, accuracy so
/// far and joules so far; both grow with the steps, so pairs are compared only at equal steps.
/// With the second objective tied everywhere this is `MedianPruner` (exactly for an odd number of
/// complete trials, one trial more cautious for an even number), which is why the threshold is a
/// strict majority rather than a fixed k. Second-objective values within `tolerance` of each other
/// (relative) count as tied: equal work reads several percent apart from trial to trial
/// (`defaultTolerance`), and without the tolerance that noise alone would decide half the
/// comparisons. Warm-up is `MedianPruner`'s: nothing is pruned
/// before `startupTrials` trials are complete, nor before step `warmupSteps`; a step needs
/// `minTrials` complete trials that reported both values there. A step where the running trial
/// lacks either value decides nothing.
public struct DominancePruner: Pruner {
  public var startupTrials: Int
  public var warmupSteps: Int
  public var minTrials: Int
  /// Relative gap under which two second-objective values are tied.
  public var tolerance: Double

  public init(startupTrials: Int = 5, warmupSteps: Int = 0, minTrials: Int = 1,
              tolerance: Double = DominancePruner.defaultTolerance) {
    self.startupTrials = startupTrials
    self.warmupSteps = warmupSteps
    self.minTrials = minTrials
    self.tolerance = tolerance
  }

  /// 10%: on a quiet machine the same training run's estimated joules read with a median
  /// relative sd of 6.7% across repetitions (notebooks/layer-energy.md, 8 settings × 6 runs), so
  /// the gap between two readings of equal work has a relative sd of about 6.7% × √2 ≈ 9.5%.
  public static let defaultTolerance = 0.10

  public func shouldPrune(_ current: IntermediateCurve, others: [IntermediateCurve]) -> Bool {
    guard let step = current.lastStep, let first = current.scores[step], step >= warmupSteps else { return false }
    if first.isNaN { return true }
    guard let mine = current.scores(at: step), mine.allSatisfy(\.isFinite) else { return false }
    let finished = others.filter(\.complete)
    guard finished.count >= startupTrials else { return false }
    let peers = finished.compactMap { $0.scores(at: step) }.filter { $0.allSatisfy(\.isFinite) }
    guard peers.count >= max(minTrials, 1) else { return false }
    let dominators = peers.filter { dominates($0, mine) }.count
    return 2 * dominators > peers.count
  }

  /// True when `a` is at least as good as `b` in both scores and better in one, the second
  /// scores compared up to `tolerance`.
  public func dominates(_ a: [Double], _ b: [Double]) -> Bool {
    let tied = abs(a[1] - b[1]) <= tolerance * max(abs(a[1]), abs(b[1]))
    let secondAtLeast = tied || a[1] > b[1]
    guard a[0] >= b[0], secondAtLeast else { return false }
    return a[0] > b[0] || (!tied && a[1] > b[1])
  }
}
