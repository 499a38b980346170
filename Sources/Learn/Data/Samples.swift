/// Labelled samples of one shape: features row after row (channels-last), labels beside them.
///
///     let s = try Samples(shape: .vector(4), features: [...], labels: [0, 2, 1])
///     s.count            // 3
///     s.slice(0..<2)     // the first two
public struct Samples {
  public let shape: Shape
  public let features: [Float]
  public let labels: [Int32]

  public init(shape: Shape, features: [Float], labels: [Int32]) throws {
    guard features.count == labels.count * shape.count else {
      throw LearnError.badData("samples: \(labels.count) labels need \(labels.count * shape.count) feature values "
                               + "of shape \(shape), got \(features.count)")
    }
    self.shape = shape
    self.features = features
    self.labels = labels
  }

  public static func empty(shape: Shape) -> Samples {
    // Zero labels with zero features always agree.
    try! Samples(shape: shape, features: [], labels: [])
  }

  public var count: Int { labels.count }

  /// Samples in `range`, in order.
  public func slice(_ range: Range<Int>) -> Samples {
    let r = range.clamped(to: 0..<count)
    let n = shape.count
    return try! Samples(shape: shape, features: Array(features[(r.lowerBound * n)..<(r.upperBound * n)]),
                        labels: Array(labels[r]))
  }

  /// The samples at `indices`, in that order.
  public func select(_ indices: [Int]) -> Samples {
    let n = shape.count
    var f = [Float](repeating: 0, count: indices.count * n)
    var l = [Int32](repeating: 0, count: indices.count)
    features.withUnsafeBufferPointer { src in
      f.withUnsafeMutableBufferPointer { dst in
        for (j, i) in indices.enumerated() {
          for t in 0..<n { dst[j * n + t] = src[i * n + t] }
          l[j] = labels[i]
        }
      }
    }
    return try! Samples(shape: shape, features: f, labels: l)
  }

  /// The samples in a seeded random order.
  public func shuffled(seed: UInt64) -> Samples {
    var order = Array(0..<count)
    var random = SeededRandom(seed: seed, stream: 0x5A5A)
    random.shuffle(&order)
    return select(order)
  }

  /// How many classes the labels name (largest label + 1).
  public var classCount: Int { Int(labels.max() ?? -1) + 1 }
}
