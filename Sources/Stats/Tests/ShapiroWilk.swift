import Foundation

/// The Shapiro–Wilk test of normality: W and its p-value.
///
///     let r = try ShapiroWilk([2.1, 3.4, 1.9])
///     r.w, r.p   // 0.84799, 0.23509
///
/// A port of Royston's algorithm AS R94 (Applied Statistics 44, 1995) as SciPy runs it
/// (`scipy/stats/_ansari_swilk_statistics.pyx`): the data sorted and centred on the middle order
/// statistic, the coefficients from Royston's polynomial approximations, the p-value from his
/// normalising transformations (exact for n = 3). Valid for 3 ≤ n ≤ 5000.
public struct ShapiroWilk: Sendable, Equatable {
  public let w: Double
  public let p: Double
  public let n: Int

  public init(_ data: [Double]) throws {
    try StatsError.check(data, atLeast: 3, "shapiro")
    guard data.count <= 5000 else {
      throw StatsError.outOfRange("shapiro: the p-value is not valid for more than 5000 values, got \(data.count)")
    }
    n = data.count
    var x = data.sorted()
    let centre = data[n / 2]  // SciPy subtracts x[N//2] of the unsorted data (gh-15777)
    for i in x.indices { x[i] -= centre }
    (w, p) = ShapiroWilk.swilk(x)
  }

  /// Whether the sample looks normal at level alpha (p ≥ alpha).
  public func looksNormal(alpha: Double = 0.05) -> Bool { p >= alpha }

  // Royston's coefficients, as in AS R94.
  private static let c1 = [0.0, 0.221157, -0.147981, -0.207119e1, 0.4434685e1, -0.2706056e1]
  private static let c2 = [0.0, 0.42981e-1, -0.293762, -0.1752461e1, 0.5682633e1, -0.3582633e1]
  private static let c3 = [0.5440, -0.39978, 0.25054e-1, -0.6714e-3]
  private static let c4 = [0.13822e1, -0.77857, 0.62767e-1, -0.20322e-2]
  private static let c5 = [-0.15861e1, -0.31082, -0.83751e-1, 0.38915e-2]
  private static let c6 = [-0.4803, -0.82676e-1, 0.30302e-2]
  private static let g = [-0.2273e1, 0.459]
  private static let small = 1e-19

  /// c[0] + c[1]·x + c[2]·x² + …
  private static func poly(_ c: [Double], _ x: Double) -> Double {
    c.reversed().reduce(0) { $0 * x + $1 }
  }

  private static func swilk(_ x: [Double]) -> (Double, Double) {
    let n = x.count, nn2 = n / 2, an = Double(n)
    var a = [Double](repeating: 0, count: nn2)
    if n == 3 {
      a[0] = 0.5.squareRoot()
    } else {
      let an25 = an + 0.25
      var summ2 = 0.0
      for i in 0..<nn2 {
        a[i] = ppnd((Double(i + 1) - 0.375) / an25)
        summ2 += a[i] * a[i]
      }
      summ2 *= 2
      let ssumm2 = summ2.squareRoot(), rsn = 1 / an.squareRoot()
      let a1 = poly(c1, rsn) - a[0] / ssumm2
      let i1: Int, fac: Double
      if n > 5 {
        i1 = 2
        let a2 = -a[1] / ssumm2 + poly(c2, rsn)
        fac = ((summ2 - 2 * a[0] * a[0] - 2 * a[1] * a[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2)).squareRoot()
        a[1] = a2
      } else {
        i1 = 1
        fac = ((summ2 - 2 * a[0] * a[0]) / (1 - 2 * a1 * a1)).squareRoot()
      }
      a[0] = a1
      for i in i1..<nn2 { a[i] *= -1 / fac }
    }

    let range = x[n - 1] - x[0]
    if range < small { return (1, 1) }  // all values equal: SciPy warns and returns W = p = 1

    // The coefficient of the i-th order statistic: −a[i] in the lower half, +a[n−1−i] in the
    // upper, 0 for the middle one of an odd n.
    func coefficient(_ i: Int) -> Double {
      let j = n - 1 - i
      return i == j ? 0 : (i < j ? -a[i] : a[j])
    }
    var sa = 0.0, sx = 0.0
    for i in 0..<n {
      sx += x[i] / range
      sa += coefficient(i)
    }
    sa /= an
    sx /= an
    var ssa = 0.0, ssx = 0.0, sax = 0.0
    for i in 0..<n {
      let asa = coefficient(i) - sa, xsx = x[i] / range - sx
      ssa += asa * asa
      ssx += xsx * xsx
      sax += asa * xsx
    }
    let ssassx = (ssa * ssx).squareRoot()
    let w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx)
    let w = 1 - w1

    if n == 3 {
      // Exact; W is at least 0.75 in theory, rounding may dip below (SciPy gh-18322).
      if w < 0.75 { return (0.75, 0) }
      return (w, 1 - 6 / Double.pi * acos(w.squareRoot()))
    }
    var y = log(w1)
    let lxx = log(an)
    let m: Double, s: Double
    if n <= 11 {
      let gamma = poly(g, an)
      if y >= gamma { return (w, small) }
      y = -log(gamma - y)
      m = poly(c3, an)
      s = exp(poly(c4, an))
    } else {
      m = poly(c5, lxx)
      s = exp(poly(c6, lxx))
    }
    return (w, NormalDistribution.sf((y - m) / s))
  }

  /// AS 111's normal quantile, which Royston's coefficients were fitted with (so the W of small
  /// samples matches SciPy's to the last digits, not just the exact quantile's).
  private static func ppnd(_ p: Double) -> Double {
    let q = p - 0.5
    if abs(q) <= 0.42 {
      let r = q * q
      return q * (((-25.44106049637 * r + 41.39119773534) * r - 18.61500062529) * r + 2.50662823884)
        / ((((3.13082909833 * r - 21.06224101826) * r + 23.08336743743) * r - 8.47351093090) * r + 1)
    }
    var r = q > 0 ? 1 - p : p
    guard r > 0 else { return 0 }
    r = (-log(r)).squareRoot()
    let t = (((2.32121276858 * r + 4.85014127135) * r - 2.29796479134) * r - 2.78718931138)
      / ((1.63706781897 * r + 3.54388924762) * r + 1)
    return q < 0 ? -t : t
  }
}
