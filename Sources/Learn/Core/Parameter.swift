/// A trainable tensor of a model: weights or biases of one layer, or batchnorm's scale and shift.
///
///     let p = model.parameters[0]
///     p.name      // "0.weight"
///     p.values    // [Float], a copy
///
/// The storage is shared by every worker during a step and written only by the optimizer,
/// between steps.
public final class Parameter {
  public let name: String
  public let storage: FloatBuffer
  public var count: Int { storage.count }
  public var pointer: UnsafeMutablePointer<Float> { storage.pointer }

  init(name: String, count: Int) {
    self.name = name
    storage = FloatBuffer(count: count)
  }

  /// The values, copied.
  public var values: [Float] { storage.array }

  /// Overwrites the values (same count), e.g. to restore a checkpoint or set up a test.
  public func set(_ values: [Float]) {
    precondition(values.count == count, "Parameter.set: \(name) has \(count) values, got \(values.count)")
    for i in 0..<count { pointer[i] = values[i] }
  }
}
