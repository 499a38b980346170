/// The IDX format of MNIST and Fashion-MNIST (LeCun et al.): big-endian magic
/// `0x0000_08_0N` (unsigned bytes, N dimensions), N big-endian UInt32 sizes, then the bytes.
///
///     let images = try IDXFile(path: ".../train-images-idx3-ubyte.gz")   // dims [60000, 28, 28]
///     let labels = try IDXFile(path: ".../train-labels-idx1-ubyte.gz")   // dims [60000]
///
/// Files may be gzip-compressed (as Debian ships them) or plain.
public struct IDXFile {
  public let path: String
  public let dimensions: [Int]
  public let data: [UInt8]

  public init(path: String) throws {
    var (bytes, compressed) = try GzipReader.read(path)
    func fail(_ fault: String) -> LearnError { .badFile(path: path, fault: fault) }
    guard bytes.count >= 4 else {
      throw fail(bytes.isEmpty ? "empty file" : "truncated: \(bytes.count) bytes, too short for an IDX header")
    }
    let magic = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard bytes[0] == 0, bytes[1] == 0 else {
      let what = compressed ? "not an IDX file" : "neither gzip-compressed nor an IDX file"
      throw fail("\(what) (wrong magic number 0x\(String(format8: magic)))")
    }
    guard bytes[2] == 0x08 else {
      throw fail("wrong magic number 0x\(String(format8: magic)): only unsigned-byte IDX data (type 0x08) is supported")
    }
    let n = Int(bytes[3])
    guard (1...4).contains(n) else { throw fail("wrong magic number 0x\(String(format8: magic)): \(n) dimensions") }
    guard bytes.count >= 4 + 4 * n else { throw fail("truncated: the header needs \(4 + 4 * n) bytes, file has \(bytes.count)") }
    var dims: [Int] = []
    for d in 0..<n {
      let at = 4 + 4 * d
      dims.append(bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) })
    }
    let need = dims.reduce(1, *)
    let have = bytes.count - (4 + 4 * n)
    guard have >= need else {
      throw fail("truncated: header says \(dims.map(String.init).joined(separator: "×")) = \(need) values, file holds \(have)")
    }
    self.path = path
    dimensions = dims
    // The values in place: no second 47 MB copy beside the inflated file.
    bytes.removeLast(bytes.count - (4 + 4 * n + need))
    bytes.removeFirst(4 + 4 * n)
    data = bytes
  }

  /// The file as read before by this process when it has not changed since (same size and
  /// modification time), else read now and remembered: `dataset()` in a notebook or a tuning
  /// loop inflates each 26 MB file once, not on every call.
  ///
  ///     let a = try IDXFile.cached(path: p), b = try IDXFile.cached(path: p)   // one read
  public static func cached(path: String) throws -> IDXFile {
    let stamp = IDXFileCache.stamp(path)
    if let stamp, let hit = IDXFileCache.shared.file(path, stamp: stamp) { return hit }
    let file = try IDXFile(path: path)
    if let stamp { IDXFileCache.shared.keep(file, stamp: stamp) }
    return file
  }

  /// Images and labels as samples; a seeded random `limit` of them when given.
  public static func samples(images: String, labels: String, limit: Int?, seed: UInt64) throws -> Samples {
    let img = try IDXFile.cached(path: images), lab = try IDXFile.cached(path: labels)
    guard img.dimensions.count == 3 else {
      throw LearnError.badFile(path: images, fault: "expected images (3 dimensions: count×rows×columns), found \(img.dimensions.count)")
    }
    guard lab.dimensions.count == 1 else {
      throw LearnError.badFile(path: labels, fault: "expected labels (1 dimension), found \(lab.dimensions.count)")
    }
    guard img.dimensions[0] == lab.dimensions[0] else {
      throw LearnError.badFile(path: labels, fault: "holds \(lab.dimensions[0]) labels but \(images) holds \(img.dimensions[0]) images")
    }
    let count = img.dimensions[0], pixels = img.dimensions[1] * img.dimensions[2]
    if let limit, limit < 0 { throw LearnError.invalidOption("dataset: sample count must not be negative, got \(limit)") }
    var order = Array(0..<count)
    if let limit, limit < count {
      var random = SeededRandom(seed: seed, stream: 0x1D8)
      random.shuffle(&order)
      order = Array(order[0..<limit])
    }
    let shape = Shape(c: 1, h: img.dimensions[1], w: img.dimensions[2])
    // x * (1/255), the scaling these samples have always had (pixels in [0, 1]).
    let scaling = PixelScaling.times(1 / 255)
    if order.count == count {
      // The whole file in file order: the samples share the cached bytes, no copy.
      return try Samples(shape: shape, bytes: img.data, scaling: scaling, labels: lab.data.map { Int32($0) })
    }
    let pixelBytes = [UInt8](unsafeUninitializedCapacity: order.count * pixels) { dst, initialized in
      img.data.withUnsafeBufferPointer { src in
        for (j, i) in order.enumerated() {
          (dst.baseAddress! + j * pixels).initialize(from: src.baseAddress! + i * pixels, count: pixels)
        }
      }
      initialized = order.count * pixels
    }
    return try Samples(shape: shape, bytes: pixelBytes, scaling: scaling, labels: order.map { Int32(lab.data[$0]) })
  }
}

extension String {
  /// Eight hex digits, e.g. "00000803".
  init(format8 value: UInt32) {
    let digits = Swift.String(value, radix: 16, uppercase: true)
    self = Swift.String(repeating: "0", count: Swift.max(0, 8 - digits.count)) + digits
  }
}
