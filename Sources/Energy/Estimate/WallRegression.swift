import Foundation

/// A server's wall watts at idle or at full load: a regression on what joule can know of a
/// machine, times a factor for its CPU generation. scripts/fit-power-model chooses the form and
/// inputs by a time split of SPECpower's results and writes the coefficients
/// (PowerModelFit+Coefficients.swift, with how each was chosen).
///
///     PowerModelFit.wallIdle.watts(WallRegression.Machine(tdpTimesChips: 280, memoryGB: 256,
///                                                         threads: 128, chips: 2), generation: "zen3")
///
/// A generation the fit never saw takes its predecessor's factor or none, as the script's
/// selection chose (`inheritsFactors`; resolved in the script); an unknown one takes 1.
public struct WallRegression: Sendable {
  public enum Form: String, Sendable {
    /// watts = Σ c·x + constant
    case linear
    /// watts = exp(Σ c·log x + constant); fitted by least squares or Huber-weighted on log watts
    case log
  }

  public enum Input: String, Sendable {
    case tdpTimesChips, memoryGB, threads, chips
  }

  /// What the regression reads of a server.
  public struct Machine: Sendable {
    public var tdpTimesChips: Double
    public var memoryGB: Double
    public var threads: Double
    public var chips: Double

    public init(tdpTimesChips: Double, memoryGB: Double, threads: Double, chips: Double) {
      self.tdpTimesChips = tdpTimesChips
      self.memoryGB = memoryGB
      self.threads = threads
      self.chips = chips
    }

    func value(_ input: Input) -> Double {
      switch input {
      case .tdpTimesChips: return tdpTimesChips
      case .memoryGB: return memoryGB
      case .threads: return threads
      case .chips: return chips
      }
    }
  }

  public var form: Form
  public var inputs: [Input]
  /// One per input, then the constant.
  public var coefficients: [Double]
  /// Keyed by the generation names of scripts/power_model_common.py ("zen4", "client", ...).
  public var generationFactors: [String: Double]
  /// Whether a generation the fit never saw took its predecessor's factor (else 1): chosen by
  /// the script's held-out score, like the form and inputs.
  public var inheritsFactors: Bool
  /// What it is, for descriptions.
  public var summary: String

  /// Wall watts of `machine`; at least 1 W (a line can dip below zero far outside its data).
  public func watts(_ machine: Machine, generation: String?) -> Double {
    var z = coefficients.last ?? 0
    for (input, c) in zip(inputs, coefficients) {
      let x = machine.value(input)
      z += c * (form == .log ? Foundation.log(Swift.max(x, 1e-9)) : x)
    }
    let base = form == .log ? Foundation.exp(z) : Swift.max(1, z)
    return base * factor(generation)
  }

  /// The generation's factor; 1 when the generation is unknown.
  public func factor(_ generation: String?) -> Double {
    generation.flatMap { generationFactors[$0] } ?? 1
  }
}
