import Foundation
import TuneNumerics

/// NSGA-II (Deb et al. 2002) for cheap multi-objective studies, after Optuna's `NSGAIISampler`.
///
///     let s = NSGA2Sampler(space: space, seed: 1, population: 50)
///
/// Suggestions come in generations of `population` (Optuna's default 50). Generation 0 is random.
/// The parents of generation g are the elite of the previous parents and generation g − 1: best
/// non-domination rank first, then largest crowding distance. A child takes, with probability
/// 0.9, a uniform crossover (each parameter from either parent, swap probability 0.5) of two
/// parents each picked by binary tournament (the dominating one wins, else a coin), otherwise one
/// random parent's parameters; then each parameter is redrawn at random with probability 1/d.
/// These are Optuna's defaults. Failed trials are left out of the parents (Optuna does the same).
public struct NSGA2Sampler: Sampler {
  public let space: SearchSpace
  public let seed: Int
  public var population: Int

  public init(space: SearchSpace, seed: Int, population: Int = 50) {
    self.space = space
    self.seed = seed
    self.population = max(population, 2)
  }

  public func suggest(index: Int, history: [Observation]) throws -> Suggestion? {
    let random = RandomSampler(space: space, seed: seed)
    let generation = index / population
    guard generation > 0 else { return try random.suggest(index: index, history: history) }
    // History is in trial order; trial i belongs to generation i / population.
    var parents: [Observation] = []
    for g in 0..<generation {
      let members = history.enumerated().filter { $0.offset / population == g }.map(\.element)
      parents = elite(parents + members.filter { $0.objectives?.allSatisfy(\.isFinite) == true })
    }
    guard parents.count >= 2 else { return try random.suggest(index: index, history: history) }

    var rng = SeededGenerator(seed: seed, stream: index + (4 << 40))
    func tournament() -> Observation {
      let a = parents[Int(rng.unit() * Double(parents.count)) % parents.count]
      let b = parents[Int(rng.unit() * Double(parents.count)) % parents.count]
      if ParetoSet.dominates(a.objectives!, b.objectives!) { return a }
      if ParetoSet.dominates(b.objectives!, a.objectives!) { return b }
      return rng.unit() < 0.5 ? a : b
    }
    var child: [ParameterValue]
    if rng.unit() < 0.9 {
      let p1 = tournament(), p2 = tournament()
      child = (0..<space.count).map { k in rng.unit() < 0.5 ? p1.point[k] : p2.point[k] }
    } else {
      child = parents[Int(rng.unit() * Double(parents.count)) % parents.count].point
    }
    let fresh = try random.suggest(index: index, history: history)?.point ?? child
    let mutation = 1 / Double(max(space.count, 1))
    for k in 0..<space.count where rng.unit() < mutation { child[k] = fresh[k] }
    return Suggestion(point: child, predictedJoules: nil)
  }

  /// The best `population` by (rank, −crowding distance).
  func elite(_ pool: [Observation]) -> [Observation] {
    guard pool.count > population else { return pool }
    let points = pool.map { $0.objectives! }
    let rank = ParetoSet.ranks(points)
    var chosen: [Int] = []
    var r = 0
    while chosen.count < population {
      let layer = pool.indices.filter { rank[$0] == r }
      if chosen.count + layer.count <= population {
        chosen += layer
      } else {
        let crowd = ParetoSet.crowding(layer.map { points[$0] })
        let order = layer.indices.sorted { crowd[$0] > crowd[$1] }
        chosen += order.prefix(population - chosen.count).map { layer[$0] }
      }
      r += 1
    }
    return chosen.map { pool[$0] }
  }
}
