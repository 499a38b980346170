import Foundation

/// The last fitted hyperparameters of each model a sampler keeps, to warm-start the next fit.
///
///     let cache = HyperparameterCache()
///     cache["value"] = gp.hyperparameters.theta
///     let start = cache["value"]          // nil before the first fit
///
/// A reference type so a value-type sampler shares it across suggestions; locked because studies
/// may suggest from several workers. A resumed study starts cold, so its first suggestion may
/// differ from an uninterrupted run's (Optuna's GPSampler behaves the same).
public final class HyperparameterCache: @unchecked Sendable {
  private var thetas: [String: [Double]] = [:]
  private let lock = NSLock()

  public init() {}

  public subscript(model: String) -> [Double]? {
    get { lock.withLock { thetas[model] } }
    set { lock.withLock { thetas[model] = newValue } }
  }
}
