/// What a sweep phase keeps the CPUs busy with.
///
///     SweepWork(rawValue: "vector")   // .vector
public enum SweepWork: String, CaseIterable, Sendable {
  /// Nothing: the machine as it idles.
  case idle
  /// Dependent scalar arithmetic (integer and floating point), one value at a time.
  case scalar
  /// Wide floating-point multiply-adds over a small array, which the compiler vectorises.
  case vector
}
