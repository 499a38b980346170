/// One CPU segment's power shape, fitted by scripts/fit-power-model on SPECpower_ssj2008's load
/// curves (coefficients in PowerModelFit+Coefficients.swift, with where they came from).
///
///     let fit = PowerModelFit.for(.server2017)
///     fit.idleFraction          // 0.17: package idle power over package full-load power
///     fit.maxFractionOfTDP      // 0.99: package power at 100 % over TDP
///     fit.curve                 // normalised load curve at 0, 10 %, …, 100 %
///
/// At the wall: W(u) = W_idle + (W_max − W_idle)·curve(u), W_idle and W_max from the wall
/// regressions (`wallIdle`, `wallMax`: in TDP × chips, memory and what else the script chose,
/// times a generation factor).
/// At the package: P(u) = maxFractionOfTDP·TDP·(idleFraction + (1 − idleFraction)·curve(u)).
public struct PowerModelFit: Sendable {
  /// SPECpower results the segment was fitted on.
  public var servers: Int
  public var idleFraction: Double
  public var maxFractionOfTDP: Double
  /// 10th and 90th percentiles of the servers' own idle fractions: the model's range.
  public var idleFractionRange: (low: Double, high: Double)
  public var curve: LoadCurve
  /// Pointwise 10th and 90th percentiles of the servers' own normalised curves.
  public var curveLow: LoadCurve
  public var curveHigh: LoadCurve

  init(servers: Int, idleFraction: Double, maxFractionOfTDP: Double, idleFractionRange: (Double, Double),
       curve: [Double], curveLow: [Double], curveHigh: [Double]) {
    self.servers = servers
    self.idleFraction = idleFraction
    self.maxFractionOfTDP = maxFractionOfTDP
    self.idleFractionRange = (idleFractionRange.0, idleFractionRange.1)
    self.curve = LoadCurve(curve)
    self.curveLow = LoadCurve(curveLow)
    self.curveHigh = LoadCurve(curveHigh)
  }

  /// The segment's fit; segments with too few servers to fit use the 2017-on servers' fit.
  public static func `for`(_ segment: CPUGeneration.Segment) -> PowerModelFit {
    fitted[segment] ?? fitted[.server2017]!
  }

  /// The script and data the coefficients came from, for descriptions.
  public static let provenance = "scripts/fit-power-model on SPECpower_ssj2008 load curves (2007–2022)"
}
