import Script
import Tune

/// The language's value as `Tune.ObjectiveValue`: what `TrialOutcome.from`'s rules read.
///
///     ObjectiveValues.make(.record(["accuracy": .float(0.9)]))   // .record(..., field: ...)
///
/// Fields are read on demand, so a train run's epoch table is never converted.
enum ObjectiveValues {
  static func make(_ v: Value) -> ObjectiveValue {
    switch v {
    case .int, .float: return .number(v.number ?? .nan)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .record(let r):
      return .record(typeName: v.typeName, names: r.keys) { name in r[name].map(make) }
    case .host(let h):
      return .record(typeName: v.typeName, names: h.fieldNames) { name in h.field(name).map(make) }
    default:
      return .other(typeName: v.typeName)
    }
  }
}
