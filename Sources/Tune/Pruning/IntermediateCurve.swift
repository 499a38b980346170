/// The intermediate values one trial reported, as the pruners compare them.
///
///     let c = IntermediateCurve(number: 3, scores: [1: 0.71, 2: 0.80], complete: false)
///     c.lastStep          // 2
///     c.score(atOrAfter: 2)   // 0.80
///
/// Scores are oriented like `Observation.score`: larger is better (a minimised metric is negated).
public struct IntermediateCurve: Codable, Sendable, Equatable {
  public var number: Int
  public var scores: [Int: Double]
  /// True when the trial ran to the end (state complete).
  public var complete: Bool

  public init(number: Int, scores: [Int: Double], complete: Bool) {
    self.number = number
    self.scores = scores
    self.complete = complete
  }

  public var lastStep: Int? { scores.keys.max() }

  /// The score at the first reported step at or after `step`: what the trial showed when it
  /// reached that much resource.
  public func score(atOrAfter step: Int) -> Double? {
    scores.keys.filter { $0 >= step }.min().flatMap { scores[$0] }
  }
}
