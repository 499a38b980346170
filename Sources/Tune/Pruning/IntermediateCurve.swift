/// The intermediate values one trial reported, as the pruners compare them.
///
///     let c = IntermediateCurve(number: 3, scores: [1: 0.71, 2: 0.80], complete: false)
///     c.lastStep          // 2
///     c.score(atOrAfter: 2)   // 0.80
///
/// Scores are oriented like `Observation.score`: larger is better (a minimised metric is negated).
/// In a study with two objectives `second` holds the second objective's scores at the steps where
/// it was known (energy so far, negated), so `DominancePruner` compares both at equal steps.
public struct IntermediateCurve: Codable, Sendable, Equatable {
  public var number: Int
  public var scores: [Int: Double]
  /// True when the trial ran to the end (state complete).
  public var complete: Bool
  /// The second objective's scores by step (nil in a one-objective study). Optional so curves
  /// sent by a lead without it still decode.
  public var second: [Int: Double]?

  public init(number: Int, scores: [Int: Double], complete: Bool, second: [Int: Double]? = nil) {
    self.number = number
    self.scores = scores
    self.complete = complete
    self.second = second
  }

  public var lastStep: Int? { scores.keys.max() }

  /// The score at the first reported step at or after `step`: what the trial showed when it
  /// reached that much resource.
  public func score(atOrAfter step: Int) -> Double? {
    scores.keys.filter { $0 >= step }.min().flatMap { scores[$0] }
  }

  /// Both objectives' scores at exactly `step`, when both were reported there.
  public func scores(at step: Int) -> [Double]? {
    guard let a = scores[step], let b = second?[step] else { return nil }
    return [a, b]
  }
}
