extension Samples {
  /// Writes the samples at `rows`, in that order, as floats one after another to `destination`,
  /// which holds at least `rows.count × shape.count` floats. Stored bytes are scaled on the way
  /// (`scaling.value`), so a batch costs one pass over its own pixels and no allocation.
  ///
  ///     let batch = FloatBuffer(count: 64 * data.train.shape.count)      // once
  ///     order.withUnsafeBufferPointer { data.train.gather(UnsafeBufferPointer(rebasing: $0[0..<64]), into: batch.pointer) }
  public func gather(_ rows: UnsafeBufferPointer<Int>, into destination: UnsafeMutablePointer<Float>) {
    let d = shape.count
    guard d > 0, !rows.isEmpty else { return }
    switch storage {
    case .floats(let values):
      values.withUnsafeBufferPointer { src in
        for (j, i) in rows.enumerated() {
          precondition(i >= 0 && i < count, "gather: sample \(i) out of 0..<\(count)")
          (destination + j * d).update(from: src.baseAddress! + i * d, count: d)
        }
      }
    case .bytes(let bytes, let scaling):
      bytes.withUnsafeBufferPointer { src in
        for (j, i) in rows.enumerated() {
          precondition(i >= 0 && i < count, "gather: sample \(i) out of 0..<\(count)")
          scaling.convert(src.baseAddress! + i * d, to: destination + j * d, count: d)
        }
      }
    }
  }

  /// Writes the samples in `range` as floats to `destination` (see `gather(_:into:)`).
  ///
  ///     data.test.gather(0..<256, into: input.pointer)
  public func gather(_ range: Range<Int>, into destination: UnsafeMutablePointer<Float>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "gather: \(range) out of 0..<\(count)")
    let d = shape.count
    guard d > 0, !range.isEmpty else { return }
    switch storage {
    case .floats(let values):
      values.withUnsafeBufferPointer { src in
        destination.update(from: src.baseAddress! + range.lowerBound * d, count: range.count * d)
      }
    case .bytes(let bytes, let scaling):
      bytes.withUnsafeBufferPointer { src in
        scaling.convert(src.baseAddress! + range.lowerBound * d, to: destination, count: range.count * d)
      }
    }
  }

  /// The features of the samples in `range` as a new float array.
  ///
  ///     let image = data.test.features(0..<1)     // 784 floats in [0, 1]
  public func features(_ range: Range<Int>) -> [Float] {
    let n = range.count * shape.count
    return [Float](unsafeUninitializedCapacity: n) { dst, initialized in
      if n > 0 { gather(range, into: dst.baseAddress!) }
      initialized = n
    }
  }

  /// All features as floats, row after row. For image samples this converts and allocates the
  /// whole set on every call (188 MB for Fashion-MNIST's 60,000 training images): meant for
  /// tests and small data. Training, evaluation and prediction gather batches instead.
  public var features: [Float] { features(0..<count) }
}
