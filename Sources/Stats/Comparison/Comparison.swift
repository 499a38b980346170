import Foundation

/// Groups of one measurement compared the way the paper does: per group n, mean, median, sd and
/// change against the first group; one omnibus rank test (Kruskal–Wallis, or Mann–Whitney for
/// two groups) with its p-value and effect size; a normality note; and a verdict that names the
/// lowest group only when the difference stands out of the noise.
///
///     let c = try Comparison([("1", [2.5, 2.6, 2.4]), ("4", [2.9, 3.1, 2.8])])
///     c.test, c.p, c.effect.label   // "mann-whitney", 0.1, "large"
///     c.verdict                     // "groups overlap within the noise (p = 0.1)"
public struct Comparison: Sendable {
  public struct Group: Sendable {
    public let label: String
    public let values: [Double]
    public let summary: Summary
    /// (mean − first group's mean) / first group's mean × 100; nil for the first group.
    public let changePercent: Double?
    /// Shapiro–Wilk on this group; nil with fewer than 3 values.
    public let normality: ShapiroWilk?
  }

  public let groups: [Group]
  /// "kruskal-wallis" or "mann-whitney".
  public let test: String
  /// H, or U of the first group.
  public let statistic: Double
  /// Degrees of freedom of H; nil for Mann–Whitney.
  public let df: Int?
  public let p: Double
  /// η² for Kruskal–Wallis, Cliff's δ (first group against second) for Mann–Whitney.
  public let effect: EffectSize
  /// The significance level the verdict uses.
  public let alpha: Double
  /// True when the test is not significant or the lowest group's confidence interval for the
  /// mean overlaps the next one's.
  public let overlap: Bool

  public init(_ groups: [(label: String, values: [Double])], alpha: Double = 0.05, level: Double = 0.95) throws {
    guard groups.count >= 2 else {
      throw StatsError.outOfRange("compare: needs at least two groups, got \(groups.count)")
    }
    let firstMean = Moments.mean(groups[0].values)
    self.groups = try groups.enumerated().map { i, g in
      let summary = try Summary(of: g.values, level: level)
      let change: Double? = i == 0 || firstMean == 0 ? nil : (summary.mean - firstMean) / abs(firstMean) * 100
      return Group(label: g.label, values: g.values, summary: summary, changePercent: change,
                   normality: g.values.count >= 3 ? try? ShapiroWilk(g.values) : nil)
    }
    self.alpha = alpha
    if groups.count == 2 {
      let m = try MannWhitneyU(groups[0].values, groups[1].values)
      test = "mann-whitney"
      statistic = m.u
      df = nil
      p = m.p
      effect = .cliffsDelta(m.cliffsDelta)
    } else {
      let k = try KruskalWallis(groups.map(\.values))
      test = "kruskal-wallis"
      statistic = k.h
      df = k.df
      p = k.p
      effect = .etaSquared(k.etaSquared)
    }
    let byMean = self.groups.sorted { $0.summary.mean < $1.summary.mean }
    let (a, b) = (byMean[0].summary, byMean[1].summary)
    let intervalsOverlap = (a.ciHigh ?? .infinity) >= (b.ciLow ?? -.infinity)
    overlap = !(p < alpha) || intervalsOverlap
  }

  /// The group with the lowest mean, when it stands out of the noise.
  public var lowest: Group? {
    overlap ? nil : groups.min { $0.summary.mean < $1.summary.mean }
  }

  /// Groups whose Shapiro–Wilk p is below alpha.
  public var nonNormal: [Group] { groups.filter { ($0.normality?.p ?? 1) < alpha } }

  /// One sentence on normality, and why the rank test suits either way.
  public var normalityNote: String {
    let untested = groups.filter { $0.normality == nil }.map(\.label)
    if !untested.isEmpty { return "too few values to test normality in \(untested.joined(separator: ", "))" }
    let off = nonNormal
    if off.isEmpty { return "all groups consistent with normal (Shapiro-Wilk p >= \(alpha))" }
    return "not normal: " + off.map { "\($0.label) (p = \(Comparison.short($0.normality!.p)))" }
      .joined(separator: ", ") + "; rank test used"
  }

  /// What the comparison says: the lowest group and by how much, or that the groups overlap.
  public var verdict: String {
    let byMean = groups.sorted { $0.summary.mean < $1.summary.mean }
    guard p < alpha else {
      return "groups overlap within the noise (p = \(Comparison.short(p)) >= \(Comparison.short(alpha))): no winner"
    }
    guard let best = lowest else {
      return "groups differ (p = \(Comparison.short(p)), \(effect.label) effect), but the lowest, \(byMean[0].label), "
        + "overlaps \(byMean[1].label) within the noise (95% CIs of the mean)"
    }
    let change = best.changePercent.map { ", \(Comparison.short($0))% vs \(groups[0].label)" } ?? ""
    return "lowest: \(best.label) (p = \(Comparison.short(p)), \(effect.label) effect\(change))"
  }

  static func short(_ x: Double) -> String {
    if x != 0 && abs(x) < 1e-3 { return String(format: "%.2g", x) }
    return String(format: "%.3g", x)
  }
}
