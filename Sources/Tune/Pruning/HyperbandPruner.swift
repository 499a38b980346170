import Foundation

/// Hyperband (Li et al. 2018): several successive-halving brackets, from aggressive to none.
///
///     HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3)
///
/// As `optuna.pruners.HyperbandPruner`: with s_max = ⌊log_η(max/min)⌋ there are s_max + 1
/// brackets; bracket b runs `SuccessiveHalvingPruner` with minimum early-stopping rate b and
/// compares a trial only with trials of its own bracket. Bracket b receives trials in proportion
/// to Hyperband's n = ⌈(s_max + 1)/(s + 1)·η^s⌉ with s = s_max − b (so the aggressive brackets get
/// more trials); a trial's bracket follows from its number, cycling through that allocation.
/// `maxResource` nil is Optuna's "auto": the longest complete trial's last step (no pruning until
/// one has completed). Defaults: min 1, η = 3 (Optuna's).
public struct HyperbandPruner: Pruner {
  public var minResource: Int
  public var maxResource: Int?
  public var reductionFactor: Int

  public init(minResource: Int = 1, maxResource: Int? = nil, reductionFactor: Int = 3) {
    self.minResource = max(minResource, 1)
    self.maxResource = maxResource
    self.reductionFactor = max(reductionFactor, 2)
  }

  /// The bracket (= minimum early-stopping rate) of trial `number` given `brackets` in all.
  public func bracket(of number: Int, brackets: Int) -> Int {
    let sMax = brackets - 1
    var slots: [Int] = []
    for b in 0..<brackets {
      let s = Double(sMax - b)
      let n = (Double(sMax + 1) / (s + 1) * pow(Double(reductionFactor), s)).rounded(.up)
      slots += Array(repeating: b, count: Int(n))
    }
    return slots[((number - 1) % slots.count + slots.count) % slots.count]
  }

  /// s_max + 1 for a maximum resource `m`.
  public func brackets(maxResource m: Int) -> Int {
    var s = 0
    var r = minResource
    while r * reductionFactor <= m { r *= reductionFactor; s += 1 }
    return s + 1
  }

  public func shouldPrune(_ current: IntermediateCurve, others: [IntermediateCurve]) -> Bool {
    guard let m = maxResource ?? others.filter(\.complete).compactMap(\.lastStep).max() else { return false }
    let n = brackets(maxResource: m)
    let b = bracket(of: current.number, brackets: n)
    let mates = others.filter { bracket(of: $0.number, brackets: n) == b }
    let halving = SuccessiveHalvingPruner(minResource: minResource, reductionFactor: reductionFactor,
                                          minEarlyStoppingRate: b)
    return halving.shouldPrune(current, others: mates)
  }
}
