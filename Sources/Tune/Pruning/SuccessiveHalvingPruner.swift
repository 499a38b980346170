/// Asynchronous successive halving (ASHA; Li et al. 2020), as `optuna.pruners.SuccessiveHalvingPruner`.
///
///     SuccessiveHalvingPruner(minResource: 1, reductionFactor: 4)
///
/// Rung k sits at step minResource·η^(s + k), s the minimum early-stopping rate. When a trial
/// reaches a rung, its score there is ranked among every trial that reached the same rung so far
/// (finished, pruned or running); it goes on only if it is in the top ⌊m/η⌋ of those m (at least
/// the top one). `minResource` nil is Optuna's "auto": the longest complete trial's last step / 100,
/// at least 1, and nothing is pruned before a trial has completed. Defaults: η = 4, s = 0.
/// `others` may be narrowed by the caller (Hyperband passes one bracket's trials).
public struct SuccessiveHalvingPruner: Pruner {
  public var minResource: Int?
  public var reductionFactor: Int
  public var minEarlyStoppingRate: Int

  public init(minResource: Int? = nil, reductionFactor: Int = 4, minEarlyStoppingRate: Int = 0) {
    self.minResource = minResource
    self.reductionFactor = max(reductionFactor, 2)
    self.minEarlyStoppingRate = max(minEarlyStoppingRate, 0)
  }

  /// Optuna's `_estimate_min_resource`.
  static func autoMinResource(_ others: [IntermediateCurve]) -> Int? {
    guard let last = others.filter(\.complete).compactMap(\.lastStep).max() else { return nil }
    return max(last / 100, 1)
  }

  /// Step of rung `k`.
  func rungStep(_ k: Int, minResource r: Int) -> Int {
    var step = r
    for _ in 0..<(minEarlyStoppingRate + k) { step *= reductionFactor }
    return step
  }

  public func shouldPrune(_ current: IntermediateCurve, others: [IntermediateCurve]) -> Bool {
    guard let step = current.lastStep, let value = current.scores[step] else { return false }
    guard let r = minResource ?? SuccessiveHalvingPruner.autoMinResource(others) else { return false }
    // Check every rung this trial has reached, as Optuna does when steps skip rungs.
    var k = 0
    while rungStep(k, minResource: r) <= step {
      let rs = rungStep(k, minResource: r)
      guard let mine = current.score(atOrAfter: rs) else { break }
      if mine.isNaN || value.isNaN { return true }
      var competing = others.compactMap { ($0.lastStep ?? -1) >= rs ? $0.score(atOrAfter: rs) : nil }.filter { !$0.isNaN }
      competing.append(mine)
      competing.sort(by: >)
      let promotable = max(competing.count / reductionFactor, 1)
      if mine < competing[promotable - 1] { return true }
      k += 1
    }
    return false
  }
}
