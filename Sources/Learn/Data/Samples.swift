/// Labelled samples of one shape: features row after row (channels-last), labels beside them.
///
///     let s = try Samples(shape: .vector(4), features: [...], labels: [0, 2, 1])
///     s.count            // 3
///     s.slice(0..<2)     // the first two
///
/// Images read from IDX or CIFAR-10 files are kept as their bytes with a `PixelScaling`, a
/// quarter of the memory of floats (torchvision keeps uint8 tensors the same way); rows built
/// from floats (CSV rows, `predict` inputs) are kept as floats. Either way a batch reaches the
/// network as floats through `gather`, which writes into a buffer the caller reuses.
public struct Samples {
  public let shape: Shape
  public let labels: [Int32]
  let storage: Storage

  /// The values, row after row. A slice may share its array with other samples (the IDX cache,
  /// the samples it was sliced from): slicing copies nothing.
  enum Storage {
    case floats(ArraySlice<Float>)
    case bytes(ArraySlice<UInt8>, PixelScaling)

    var count: Int {
      switch self {
      case .floats(let v): return v.count
      case .bytes(let b, _): return b.count
      }
    }
  }

  /// Samples whose features are floats.
  public init(shape: Shape, features: [Float], labels: [Int32]) throws {
    try self.init(shape: shape, storage: .floats(features[...]), labels: labels)
  }

  /// Samples whose features are bytes (pixels), each read as `scaling.value(byte)`. The array
  /// is shared, not copied.
  ///
  ///     let s = try Samples(shape: Shape(c: 1, h: 28, w: 28), bytes: pixels, scaling: .times(1 / 255), labels: l)
  public init(shape: Shape, bytes: [UInt8], scaling: PixelScaling, labels: [Int32]) throws {
    try self.init(shape: shape, storage: .bytes(bytes[...], scaling), labels: labels)
  }

  init(shape: Shape, storage: Storage, labels: [Int32]) throws {
    guard storage.count == labels.count * shape.count else {
      throw LearnError.badData("samples: \(labels.count) labels need \(labels.count * shape.count) feature values "
                               + "of shape \(shape), got \(storage.count)")
    }
    self.shape = shape
    self.storage = storage
    self.labels = labels
  }

  public static func empty(shape: Shape) -> Samples {
    // Zero labels with zero features always agree.
    try! Samples(shape: shape, features: [], labels: [])
  }

  public var count: Int { labels.count }

  /// The stored bytes, row after row, when the samples hold pixels as bytes; nil when they hold
  /// floats. Shares storage with the samples (and with the IDX cache when they are a whole file).
  public var bytes: ArraySlice<UInt8>? {
    if case .bytes(let b, _) = storage { return b }
    return nil
  }

  /// How stored bytes become floats; nil when the samples hold floats.
  public var scaling: PixelScaling? {
    if case .bytes(_, let s) = storage { return s }
    return nil
  }

  /// Memory the feature values take: 1 byte per value when stored as bytes, else 4 (shared
  /// storage counted once per holder).
  public var storageBytes: Int {
    switch storage {
    case .floats(let v): return v.count * MemoryLayout<Float>.stride
    case .bytes(let b, _): return b.count
    }
  }

  /// Samples in `range`, in order; shares this storage.
  public func slice(_ range: Range<Int>) -> Samples {
    let r = range.clamped(to: 0..<count)
    let n = shape.count
    let cut: Storage
    switch storage {
    case .floats(let v):
      cut = .floats(v[(v.startIndex + r.lowerBound * n)..<(v.startIndex + r.upperBound * n)])
    case .bytes(let b, let s):
      cut = .bytes(b[(b.startIndex + r.lowerBound * n)..<(b.startIndex + r.upperBound * n)], s)
    }
    return try! Samples(shape: shape, storage: cut, labels: Array(labels[r]))
  }

  /// The samples at `indices`, in that order: a copy, bytes kept as bytes.
  public func select(_ indices: [Int]) -> Samples {
    let l = indices.map { labels[$0] }
    switch storage {
    case .floats(let v):
      return try! Samples(shape: shape, storage: .floats(Self.rows(v, indices, shape.count)[...]), labels: l)
    case .bytes(let b, let s):
      return try! Samples(shape: shape, storage: .bytes(Self.rows(b, indices, shape.count)[...], s), labels: l)
    }
  }

  /// Rows `indices` of `values` (rows of `n`), one after another.
  private static func rows<T: BitwiseCopyable>(_ values: ArraySlice<T>, _ indices: [Int], _ n: Int) -> [T] {
    [T](unsafeUninitializedCapacity: indices.count * n) { dst, initialized in
      initialized = 0
      guard indices.count * n > 0 else { return }
      values.withUnsafeBufferPointer { src in
        for (j, i) in indices.enumerated() {
          precondition(i >= 0 && (i + 1) * n <= src.count, "samples: index \(i) out of range")
          (dst.baseAddress! + j * n).initialize(from: src.baseAddress! + i * n, count: n)
        }
      }
      initialized = indices.count * n
    }
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
