/// Ranks with ties averaged (`scipy.stats.rankdata(method="average")`), and the sizes of the
/// tie groups that the rank tests' tie corrections need.
///
///     let r = Ranking([3, 1, 3, 2])
///     r.ranks       // [3.5, 1, 3.5, 2]
///     r.tieSizes    // [1, 1, 2]
public struct Ranking: Sendable {
  /// The rank of each value, in the input's order, from 1.
  public let ranks: [Double]
  /// The size of each group of equal values, in ascending order of value.
  public let tieSizes: [Int]

  public init(_ xs: [Double]) {
    let order = xs.indices.sorted { xs[$0] < xs[$1] }
    var ranks = [Double](repeating: 0, count: xs.count)
    var sizes: [Int] = []
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && xs[order[j + 1]] == xs[order[i]] { j += 1 }
      let average = Double(i + j + 2) / 2
      for k in i...j { ranks[order[k]] = average }
      sizes.append(j - i + 1)
      i = j + 1
    }
    self.ranks = ranks
    tieSizes = sizes
  }

  /// Σ (t³ − t) over tie groups: zero when there are no ties.
  public var tieTerm: Double {
    tieSizes.reduce(0) { $0 + Double($1) * Double($1) * Double($1) - Double($1) }
  }

  public var hasTies: Bool { tieSizes.contains { $0 > 1 } }
}
