/// What an objective returned, as the rules of `TrialOutcome.from` read it: a number, or a
/// record (or a domain object, such as a train run) whose fields are read by name. The
/// binding builds it from the language's value; Tune knows no language.
///
///     let v = ObjectiveValue.record(typeName: "record", names: ["accuracy"]) { $0 == "accuracy" ? .number(0.9) : nil }
///     TrialOutcome.from(v, measured: o, metric: "accuracy", stoppedEarly: false)
public indirect enum ObjectiveValue {
  case number(Double)
  case string(String)
  case bool(Bool)
  case record(typeName: String, names: [String], field: (String) -> ObjectiveValue?)
  /// Anything else (a list, nil, a function): named for the message.
  case other(typeName: String)

  public var number: Double? { if case .number(let x) = self { return x }; return nil }

  public var typeName: String {
    switch self {
    case .number: return "number"
    case .string: return "string"
    case .bool: return "bool"
    case .record(let t, _, _), .other(let t): return t
    }
  }
}
