/// Fits a `CPUCalibration` to a sweep's measurements.
///
///     let c = try CalibrationFit.fit(points, cpuModel: "AMD EPYC 9654", logicalCPUs: 192)
///     c.idleWatts, c.maxWatts, c.curve
///
/// For each kind of work (scalar, vector) the measured (utilisation, watts) points, with the
/// idle phase as both kinds' first point, are sorted by utilisation and read off at loads
/// 0, 0.1, …, 1 by linear interpolation (beyond the ends, the nearest two points extended; at
/// most a few percent of load, since the sweep covers idle to 100%). The kinds are averaged,
/// since the estimate does not know which kind of work a machine runs; a monotone (isotonic)
/// regression then removes dips that are noise, not physics: more load never costs less power.
public enum CalibrationFit {
  public static func fit(_ points: [SweepPoint], cpuModel: String, logicalCPUs: Int,
                         date: Double = EnergyReading.unixNow()) throws -> CPUCalibration {
    let idle = points.filter { $0.work == .idle }
    let worked = Set(points.map(\.work))
    let kinds = SweepWork.allCases.filter { $0 != .idle && worked.contains($0) }
    guard !kinds.isEmpty else { throw CalibrationError.fit("the sweep measured no loaded phase") }
    var sum = [Double](repeating: 0, count: CPUCalibration.loads.count)
    for kind in kinds {
      let xy = (idle + points.filter { $0.work == kind }).map { ($0.utilisation, $0.watts) }.sorted { $0.0 < $1.0 }
      guard xy.count >= 2, xy.last!.0 - xy.first!.0 > 0.2 else {
        throw CalibrationError.fit("the \(kind.rawValue) phases span too little load to fit a curve "
          + "(utilisation \(xy.first?.0 ?? 0) to \(xy.last?.0 ?? 0)); was the machine busy with something else?")
      }
      for (i, u) in CPUCalibration.loads.enumerated() { sum[i] += interpolate(xy, at: u) }
    }
    let watts = isotonic(sum.map { max(0, $0 / Double(kinds.count)) })
    let (low, high) = (watts.first!, watts.last!)
    guard high > low * 1.001 else {
      throw CalibrationError.fit("package power did not rise with load (\(Int(low.rounded())) W idle, "
        + "\(Int(high.rounded())) W at full load): does this counter read the CPU package?")
    }
    var curve = watts.map { (w: Double) -> Double in (w - low) / (high - low) }
    // Exactly 0 and 1 at the ends, whatever the rounding.
    curve[0] = 0
    curve[curve.count - 1] = 1
    return CPUCalibration(cpuModel: cpuModel, logicalCPUs: logicalCPUs, idleWatts: low, maxWatts: high,
                          curve: curve, date: date, points: points)
  }

  /// y at x on the polyline through `xy` (sorted by x), extended straight past its ends.
  static func interpolate(_ xy: [(Double, Double)], at x: Double) -> Double {
    var i = 0
    while i < xy.count - 2 && xy[i + 1].0 < x { i += 1 }
    var (a, b) = (xy[i], xy[i + 1])
    // Two phases at the same utilisation (a saturated machine) would divide by zero.
    if b.0 - a.0 < 1e-9 { (a, b) = (xy[max(0, i - 1)], xy[i + 1]) }
    guard b.0 - a.0 > 1e-9 else { return (a.1 + b.1) / 2 }
    return a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
  }

  /// The closest non-decreasing sequence in least squares (pool adjacent violators).
  static func isotonic(_ y: [Double]) -> [Double] {
    var blocks: [(sum: Double, count: Double)] = []
    for v in y {
      blocks.append((v, 1))
      while blocks.count > 1 {
        let last = blocks[blocks.count - 1], prev = blocks[blocks.count - 2]
        guard prev.sum / prev.count > last.sum / last.count else { break }
        blocks.removeLast(2)
        blocks.append((prev.sum + last.sum, prev.count + last.count))
      }
    }
    return blocks.flatMap { Array(repeating: $0.sum / $0.count, count: Int($0.count)) }
  }
}
