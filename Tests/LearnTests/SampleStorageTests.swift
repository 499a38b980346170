import Foundation
import Learn
import Testing

/// Images stay bytes in memory and reach the network as exactly the floats a float copy held
/// (issue 12's memory target: Fashion-MNIST's training set is 47 MB of bytes, not 188 MB of
/// floats beside the cached file).
@Suite struct SampleStorageTests {
  static var directory: String { Dataset.defaultDirectory }
  static func file(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

  /// The same samples stored as floats: what every sample was before bytes.
  static func floatCopy(_ s: Samples) throws -> Samples {
    try Samples(shape: s.shape, features: s.features, labels: s.labels)
  }

  @Test func fashionMNISTImagesAreBytesThatGatherToTheReadersFloats() throws {
    let d = try Dataset.fashionMNIST()
    #expect(d.train.bytes != nil && d.train.scaling == .times(1 / 255))
    #expect(d.train.storageBytes == 60_000 * 784 && d.test.storageBytes == 10_000 * 784)
    // The file's own bytes, read without the cache, scaled as the IDX reader always did.
    let raw = try IDXFile(path: Self.file("train-images-idx3-ubyte.gz")).data
    let rows = [59_999, 0, 7, 31_337, 7]
    var expected: [Float] = []
    for i in rows { expected += raw[(i * 784)..<((i + 1) * 784)].map { Float($0) * (1 / 255) } }
    for build in SIMDKernels.available {
      var batch = [Float](repeating: .nan, count: rows.count * 784)
      try SIMDKernels.with(build) {
        rows.withUnsafeBufferPointer { r in batch.withUnsafeMutableBufferPointer { d.train.gather(r, into: $0.baseAddress!) } }
      }
      #expect(batch.map(\.bitPattern) == expected.map(\.bitPattern), "\(build)")
    }
    #expect(d.train.features(7..<8) == Array(expected[(2 * 784)..<(3 * 784)]))
  }

  @Test func wholeFilesShareTheCachedBytes() throws {
    let a = try Dataset.fashionMNIST(), b = try Dataset.fashionMNIST()
    let cached = try IDXFile.cached(path: Self.file("train-images-idx3-ubyte.gz")).data
    func address(_ s: ArraySlice<UInt8>?) -> UnsafeRawPointer? { s?.withUnsafeBytes { $0.baseAddress } }
    #expect(address(a.train.bytes) != nil)
    #expect(address(a.train.bytes) == address(b.train.bytes))
    #expect(address(a.train.bytes) == cached.withUnsafeBytes { $0.baseAddress })
    // A slice shares too: the first 100 images start where the file's do.
    let first100 = try a.sliced(train: 100, test: nil)
    #expect(address(first100.train.bytes) == address(a.train.bytes))
  }

  @Test func slicingSelectingShufflingAndValidationKeepBytesAndValues() throws {
    let d = try Dataset.fashionMNIST(train: 600, test: 50, seed: 4)
    let v = try d.withValidation(fraction: 0.25, seed: 9)
    for s in [v.train, v.validation!, d.train.slice(10..<20), d.train.select([3, 1, 3]), d.train.shuffled(seed: 2)] {
      #expect(s.bytes != nil && s.storageBytes == s.count * 784)
    }
    let picked = d.train.select([3, 1, 3])
    #expect(picked.features == d.train.features(3..<4) + d.train.features(1..<2) + d.train.features(3..<4))
    #expect(picked.labels == [d.train.labels[3], d.train.labels[1], d.train.labels[3]])
    #expect(d.train.slice(10..<20).features == d.train.features(10..<20))
    // Validation and training together are the training set, in another order.
    let all = try Self.floatCopy(d.train)
    let split = try Dataset(name: "f", train: all, test: d.test).withValidation(fraction: 0.25, seed: 9)
    #expect(split.train.features == v.train.features && split.validation!.features == v.validation!.features)
    #expect(split.train.bytes == nil)
  }

  @Test func floatSamplesGatherTheirRows() throws {
    let s = try Samples(shape: .vector(3), features: (0..<15).map(Float.init), labels: [0, 1, 2, 3, 4])
    #expect(s.bytes == nil && s.storageBytes == 60)
    var out = [Float](repeating: -1, count: 9)
    [4, 0, 2].withUnsafeBufferPointer { r in out.withUnsafeMutableBufferPointer { s.gather(r, into: $0.baseAddress!) } }
    #expect(out == [12, 13, 14, 0, 1, 2, 6, 7, 8])
    #expect(s.slice(1..<3).features == [3, 4, 5, 6, 7, 8] && s.slice(1..<3).slice(1..<2).features == [6, 7, 8])
  }

  @Test func bothScalingsConvertEveryByteAsTheirScalarFormulaUnderEveryKernelBuild() throws {
    // 1/255 and /255 differ in the last bit for many bytes: each reader keeps its own.
    let bytes = (0..<259).map { UInt8($0 % 256) }   // an odd length, past any vector width
    for build in SIMDKernels.available {
      for scaling in [PixelScaling.times(1 / 255), .dividedBy(255)] {
        // One float past the end shows the conversion writes exactly `count`.
        var out = [Float](repeating: .nan, count: bytes.count + 1)
        try SIMDKernels.with(build) {
          bytes.withUnsafeBufferPointer { b in out.withUnsafeMutableBufferPointer { scaling.convert(b.baseAddress!, to: $0.baseAddress!, count: b.count) } }
        }
        #expect(out.dropLast().map(\.bitPattern) == bytes.map { scaling.value($0).bitPattern }, "\(build) \(scaling)")
        #expect(out.last!.isNaN)
      }
    }
    #expect((0...255).filter { Float(UInt8($0)) * (1 / 255) != Float(UInt8($0)) / 255 }.count == 126)
    #expect(PixelScaling.times(1 / 255).value(255) == 1 && PixelScaling.dividedBy(255).value(0) == 0)
  }

  @Test func seededTrainingOnBytesMatchesTheSameSamplesAsFloats() throws {
    let bytes = try Dataset.fashionMNIST(train: 2_048, test: 512, seed: 5)
    let floats = try Dataset(name: "floats", train: try Self.floatCopy(bytes.train), test: try Self.floatCopy(bytes.test),
                             classNames: bytes.classNames)
    #expect(bytes.train.bytes != nil && floats.train.bytes == nil)
    func run(_ d: Dataset) throws -> (TrainingResult, Model) {
      let m = try Model([.conv2d(channels: 3, kernel: 3, pad: 1), .batchnorm, .relu, .maxpool(size: 2), .flatten,
                         .linear(units: 32), .relu, .linear(units: 10)])
      let r = try Trainer.train(m, on: d, options: TrainingOptions(epochs: 2, batchSize: 128, optimizer: .adam(lr: 2e-3),
                                                                   seed: 7, threads: 2))
      return (r, m)
    }
    let (rb, mb) = try run(bytes), (rf, mf) = try run(floats)
    #expect(rb.state == .complete && rb.loss.isFinite)
    #expect(rb.loss == rf.loss && rb.epochs.map(\.loss) == rf.epochs.map(\.loss))
    #expect(rb.accuracy == rf.accuracy && rb.testLoss == rf.testLoss)
    #expect(mb.parameters.map(\.values) == mf.parameters.map(\.values))
    let pb = try Predictor.probabilities(mb, samples: bytes.test), pf = try Predictor.probabilities(mf, samples: floats.test)
    #expect(pb == pf)
    let gb = try Trainer.lossAndGradients(mb, on: bytes.test.slice(0..<64))
    let gf = try Trainer.lossAndGradients(mf, on: floats.test.slice(0..<64))
    #expect(gb.loss == gf.loss && gb.gradients == gf.gradients)
  }
}
