/// Training data a Gaussian process cannot be built from.
///
///     try GaussianProcess(x: [], y: [], kernel: k, hyperparameters: h)   // throws .shape(inputs: 0, outputs: 0)
///
/// The samplers never pass such data (they fit only with two or more scored trials), so this
/// reaching an analyst means a bug; the message says which sizes disagreed.
public enum GaussianProcessError: Error, CustomStringConvertible, Equatable {
  /// No inputs, or a different number of inputs and outputs.
  case shape(inputs: Int, outputs: Int)

  public var description: String {
    switch self {
    case .shape(let i, let o): return "a Gaussian process needs at least one input and as many outputs as inputs, got \(i) inputs and \(o) outputs"
    }
  }
}
