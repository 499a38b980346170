import Script
import Tune

/// Moves hyperparameter values between the language and `Tune`.
///
///     ParameterConversion.value(.double(0.01))      // .float(0.01)
///     try ParameterConversion.parameter(.int(64))   // .int(64)
enum ParameterConversion {
  static func value(_ p: ParameterValue) -> Value {
    switch p {
    case .int(let i): return .int(i)
    case .double(let d): return .float(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    }
  }

  static func parameter(_ v: Value, function: String) throws -> ParameterValue {
    switch v {
    case .int(let i): return .int(i)
    case .float(let d) where d.isFinite: return .double(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    default:
      throw ScriptError.runtime("\(function): a choice must be a number, string or bool, got \(v.typeName) \(v.shortDescription)")
    }
  }

  /// {lr: 0.001, batch: 64} from name–value pairs.
  static func record(_ pairs: [(String, ParameterValue)]) -> Record {
    Record(pairs.map { ($0.0, value($0.1)) })
  }
}
