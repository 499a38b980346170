import TuneNumerics

/// Every combination of per-dimension grid values, each visited once.
///
///     let g = try GridSampler(space: space, seed: 1, count: 5)      // paper rule, shuffled
///     g.size                                                         // 5 · 5 · 3 = 75
///
/// Continuous ranges are cut by `Dimension.gridValues` (the paper's rule by default: the upper
/// bound is never used). Points are visited in a seeded random order without repeats, as the paper
/// drew its grid rounds, or in lexicographic order with `shuffle: false`. Suggestion i is the i-th
/// point of that order, so a resumed study continues where it stopped.
public struct GridSampler: Sampler {
  public let space: SearchSpace
  public let axes: [[ParameterValue]]
  public let size: Int
  private let order: [Int]?

  /// The largest grid kept in memory as a visiting order.
  public static let maxSize = 1_000_000

  public init(space: SearchSpace, seed: Int, count: Int = 5, includeUpper: Bool = false, shuffle: Bool = true) throws {
    guard count >= 1 else { throw TuneError.invalidSettings("grid: need at least 1 value per range, got \(count)") }
    self.space = space
    axes = space.dimensions.map { $0.gridValues(count, includeUpper: includeUpper) }
    var total = 1
    for a in axes {
      let (p, overflow) = total.multipliedReportingOverflow(by: a.count)
      guard !overflow, p <= GridSampler.maxSize else {
        throw TuneError.invalidSettings("grid: more than \(GridSampler.maxSize) points; use fewer values (grid:) or random/bayes")
      }
      total = p
    }
    size = total
    if shuffle {
      // Fisher–Yates on a stream of its own (−1) so it never collides with a trial's stream.
      var rng = SeededGenerator(seed: seed, stream: -1)
      var o = Array(0..<total)
      for i in stride(from: total - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(i + 1))
        o.swapAt(i, j)
      }
      order = o
    } else {
      order = nil
    }
  }

  /// The grid point at lexicographic position `k` (the last dimension varies fastest).
  public func point(at k: Int) -> [ParameterValue] {
    var rest = k
    var out = [ParameterValue](repeating: .int(0), count: axes.count)
    for i in stride(from: axes.count - 1, through: 0, by: -1) {
      out[i] = axes[i][rest % axes[i].count]
      rest /= axes[i].count
    }
    return out
  }

  public func suggest(index: Int, history: [Observation]) throws -> Suggestion? {
    guard index >= 0, index < size else { return nil }
    return Suggestion(point: point(at: order?[index] ?? index), predictedJoules: nil)
  }
}
