/// Decides whether the next trial fits in what is left of a study's joule budget.
///
///     let b = EnergyBudget(limitJ: 5000)
///     b.predict(recent: [1170, 1210, 1190])          // 1190: mean of the last five
///     b.allows(spentJ: 4000, predictedJ: 1190)        // true
///
/// The prediction is the mean of the last five finished trials' joules (trials of one study
/// cost about the same: the paper saw energy per round "hardly differ" between strategies), or the
/// sampler's own model when it has one (EI per joule). The next trial runs only if
/// spent + predicted ≤ limit, so a study stops before it would likely overshoot.
public struct EnergyBudget: Sendable {
  public var limitJ: Double
  /// How many recent trials the mean uses.
  public var window: Int = 5

  public init(limitJ: Double) { self.limitJ = limitJ }

  public func predict(recent joules: [Double]) -> Double? {
    let known = joules.filter { $0.isFinite && $0 >= 0 }.suffix(window)
    guard !known.isEmpty else { return nil }
    return known.reduce(0, +) / Double(known.count)
  }

  public func allows(spentJ: Double, predictedJ: Double?) -> Bool {
    if spentJ >= limitJ { return false }
    guard let p = predictedJ else { return true }
    return spentJ + p <= limitJ
  }
}
