import Learn
import Script

/// Optimizers travel through the language as plain records, so tuning can build and show them:
///
///     adam(lr: 0.001)   # {optimizer: "adam", lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-08, weight_decay: 0.0}
///
/// `train` also takes the bare names "sgd" and "adam" (their defaults; SGD's lr is 0.01).
enum OptimizerRecord {
  static func value(_ config: OptimizerConfig) -> Value {
    .record(Record([("optimizer", .string(config.name))] + config.hyperparameters.map { ($0.0, .float($0.1)) }))
  }

  static func config(_ value: Value, _ function: String) throws -> OptimizerConfig {
    switch value {
    case .string(let name):
      return try config(.record(Record([("optimizer", .string(name))])), function)
    case .record(let r):
      guard case .string(let name)? = r["optimizer"] else {
        throw ScriptError.runtime("\(function): optimizer must be sgd(...) or adam(...), a record with an 'optimizer' name")
      }
      func number(_ key: String, _ fallback: Double) throws -> Double {
        guard let v = r[key] else { return fallback }
        guard let d = v.number else { throw ScriptError.runtime("\(function): optimizer \(key) must be a number, got \(v.typeName)") }
        return d
      }
      let known: [String]
      let c: OptimizerConfig
      switch name {
      case "sgd":
        known = ["optimizer", "lr", "momentum", "weight_decay"]
        c = .sgd(lr: try number("lr", 0.01), momentum: try number("momentum", 0), weightDecay: try number("weight_decay", 0))
      case "adam":
        known = ["optimizer", "lr", "beta1", "beta2", "eps", "weight_decay"]
        c = .adam(lr: try number("lr", 1e-3), beta1: try number("beta1", 0.9), beta2: try number("beta2", 0.999),
                  eps: try number("eps", 1e-8), weightDecay: try number("weight_decay", 0))
      default:
        throw ScriptError.runtime("\(function): unknown optimizer \"\(name)\" (known: \"sgd\", \"adam\")")
      }
      if let extra = r.keys.first(where: { !known.contains($0) }) {
        let hint = Suggestion.closest(to: extra, among: known).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("\(function): \(name) has no hyperparameter '\(extra)'\(hint)")
      }
      try c.validate()
      return c
    default:
      throw ScriptError.runtime("\(function): optimizer must be sgd(...) or adam(...), got \(value.typeName)")
    }
  }
}
