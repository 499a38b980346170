import TuneNumerics

/// The runs of a designed experiment: every combination of the factors' levels, each repeated,
/// in a seeded random order (or in order, repetitions outermost, with `shuffle: false`).
///
///     let f = try FactorialSampler(space: space, repeats: 30, seed: 1)   // conv × linear × relu
///     f.size                        // 2 · 2 · 2 · 30 = 240 runs
///     f.repetition(at: 17)          // which repetition of its combination run 17 is (0-based)
///
/// Shuffling the whole list, not each repetition block, is what the measurement practice asks
/// for: drift in the machine's temperature or background load then falls on every combination
/// alike instead of on whichever runs last. Suggestion i is the i-th run of that order, so a
/// resumed experiment continues where it stopped and never repeats a finished run.
public struct FactorialSampler: Sampler {
  public let grid: GridSampler
  public let repeats: Int
  public let size: Int
  private let order: [Int]?

  public init(space: SearchSpace, repeats: Int, seed: Int, shuffle: Bool = true) throws {
    guard repeats >= 1 else { throw TuneError.invalidSettings("repeat must be at least 1, got \(repeats)") }
    for (name, d) in zip(space.names, space.dimensions) where d.kind != .choice {
      throw TuneError.invalidSettings("experiment: factor '\(name)' must be a list of levels")
    }
    grid = try GridSampler(space: space, seed: seed, count: 1, shuffle: false)
    self.repeats = repeats
    let (total, overflow) = grid.size.multipliedReportingOverflow(by: repeats)
    guard !overflow, total <= GridSampler.maxSize else {
      throw TuneError.invalidSettings("experiment: more than \(GridSampler.maxSize) runs")
    }
    size = total
    if shuffle {
      // Its own stream (−2), apart from the grid's (−1) and every trial's.
      var rng = SeededGenerator(seed: seed, stream: -2)
      var o = Array(0..<total)
      for i in stride(from: total - 1, to: 0, by: -1) { o.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
      order = o
    } else {
      order = nil
    }
  }

  /// The run at position `index` of the visiting order, as an index into combinations × repeats.
  private func run(_ index: Int) -> Int { order?[index] ?? index }

  /// Which combination (lexicographic, last factor fastest) suggestion `index` runs.
  public func combination(at index: Int) -> Int { run(index) % grid.size }

  /// Which repetition of its combination suggestion `index` is, from 0.
  public func repetition(at index: Int) -> Int { run(index) / grid.size }

  public func suggest(index: Int, history: [Observation]) throws -> Suggestion? {
    guard index >= 0, index < size else { return nil }
    return Suggestion(point: grid.point(at: combination(at: index)), predictedJoules: nil)
  }
}
