import Script
import Tune

/// Evaluates tune()'s `constraints:` functions on a finished trial and records their values.
///
///     tune(train_at, sp, constraints: [fn(t) { t.energy_j <= 40 }], minimize: "loss")
///
/// Each function gets the trial as a record (its parameters, `value`, the metrics it returned,
/// `energy_j`, `seconds`, `state`) and returns a bool (true: satisfied) or a number (satisfied
/// when ≤ 0, Optuna's convention; a number lets Bayes model how far off a trial is). The values
/// go into the trial's metrics as constraint1, constraint2, … (`Trial.constraintKey`): bools as
/// 0 and 1. A trial without a value gets none and counts as infeasible.
enum TrialConstraints {
  static func apply(_ fns: [Value], to outcome: TrialOutcome, request: StudyRunner.Request,
                    _ ctx: any CallContext) -> Result<TrialOutcome, ScriptError> {
    guard !fns.isEmpty, outcome.value != nil else { return .success(outcome) }
    var pairs = request.params.map { ($0.name, ParameterConversion.value($0.value)) }
    for (k, v) in outcome.metrics.sorted(by: { $0.key < $1.key }) where !pairs.contains(where: { $0.0 == k }) {
      pairs.append((k, .float(v)))
    }
    pairs.append(("value", outcome.value.map { .float($0) } ?? .none))
    pairs.append(("energy_j", outcome.energyJ.map { .float($0) } ?? .none))
    pairs.append(("seconds", outcome.seconds.map { .float($0) } ?? .none))
    pairs.append(("state", .string(outcome.state.rawValue)))
    let trial = Value.record(Record(pairs))
    var o = outcome
    for (i, fn) in fns.enumerated() {
      let r: Value
      do {
        r = try ctx.call(fn, Arguments([trial]))
      } catch let e as ScriptError {
        return .failure(e)
      } catch {
        return .failure(.runtime("tune: constraint \(i + 1): \(error)"))
      }
      switch r {
      case .bool(let ok): o.metrics[Trial.constraintKey(i)] = ok ? 0 : 1
      case .int, .float: o.metrics[Trial.constraintKey(i)] = r.number
      default:
        return .failure(.runtime("tune: constraint \(i + 1) returned \(r.typeName); give a bool or a number (≤ 0 satisfied)"))
      }
    }
    return .success(o)
  }
}
