/// Which optimizer to train with and its hyperparameters (PyTorch's defaults and semantics).
///
///     let sgd: OptimizerConfig = .sgd(lr: 0.01, momentum: 0.9)
///     let adam: OptimizerConfig = .adam(lr: 1e-3)    // β1 0.9, β2 0.999, ε 1e-8, decay 0
///
/// Adam's five (α, β1, β2, ε, weight decay) are the hyperparameters the paper tuned.
public enum OptimizerConfig: Equatable, CustomStringConvertible {
  case sgd(lr: Double, momentum: Double = 0, weightDecay: Double = 0)
  case adam(lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
            weightDecay: Double = 0)

  public var name: String {
    switch self {
    case .sgd: return "sgd"
    case .adam: return "adam"
    }
  }

  public var learningRate: Double {
    switch self {
    case .sgd(let lr, _, _), .adam(let lr, _, _, _, _): return lr
    }
  }

  /// The hyperparameters in order, as the language shows them.
  public var hyperparameters: [(String, Double)] {
    switch self {
    case let .sgd(lr, m, wd): return [("lr", lr), ("momentum", m), ("weight_decay", wd)]
    case let .adam(lr, b1, b2, eps, wd):
      return [("lr", lr), ("beta1", b1), ("beta2", b2), ("eps", eps), ("weight_decay", wd)]
    }
  }

  public var description: String {
    "\(name)(" + hyperparameters.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
  }

  /// Rejects values no run could use (negative rates, betas outside [0, 1]).
  public func validate() throws {
    func fail(_ m: String) -> LearnError { .invalidOption("\(name): \(m)") }
    switch self {
    case let .sgd(lr, m, wd):
      guard lr > 0, lr.isFinite else { throw fail("lr must be positive, got \(lr)") }
      guard m >= 0 else { throw fail("momentum must not be negative, got \(m)") }
      guard wd >= 0 else { throw fail("weight_decay must not be negative, got \(wd)") }
    case let .adam(lr, b1, b2, eps, wd):
      guard lr > 0, lr.isFinite else { throw fail("lr must be positive, got \(lr)") }
      guard (0...1).contains(b1) else { throw fail("beta1 must be in [0, 1], got \(b1)") }
      guard (0...1).contains(b2) else { throw fail("beta2 must be in [0, 1], got \(b2)") }
      guard eps >= 0 else { throw fail("eps must not be negative, got \(eps)") }
      guard wd >= 0 else { throw fail("weight_decay must not be negative, got \(wd)") }
    }
  }
}
