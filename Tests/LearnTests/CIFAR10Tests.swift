import Foundation
import Learn
import Testing

/// CIFAR-10's binary format, on small files written here in that format.
@Suite struct CIFAR10Tests {
  /// Writes data_batch_1..5.bin and test_batch.bin with `perFile` records each; record r of
  /// file f has label (f + r) % 10 and pixel value (channel·7 + pixel + r) % 256.
  static func writeFiles(perFile: Int) throws -> String {
    let dir = NSTemporaryDirectory() + "joule-cifar-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (f, name) in (CIFAR10.trainFiles + [CIFAR10.testFile]).enumerated() {
      var bytes: [UInt8] = []
      for r in 0..<perFile {
        bytes.append(UInt8((f + r) % 10))
        for ch in 0..<3 { for p in 0..<1024 { bytes.append(UInt8((ch * 7 + p + r) % 256)) } }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
    }
    return dir
  }

  @Test func recordsBecomeChannelsLastImagesInZeroToOne() throws {
    let dir = try Self.writeFiles(perFile: 3)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let d = try CIFAR10.dataset(directory: dir)
    #expect(d.train.count == 15 && d.test.count == 3 && d.shape == Shape(c: 3, h: 32, w: 32))
    #expect(d.classNames.first == "airplane" && d.classNames.count == 10)
    #expect(d.train.labels.prefix(4) == [0, 1, 2, 1])   // file 1: 0, 1, 2; file 2: 1, ...
    // Record 1 (r = 1) of file 1: pixel p of channel ch is (ch·7 + p + 1) % 256.
    let image = d.train.features(1..<2)
    for (ch, p) in [(0, 0), (1, 5), (2, 1023)] {
      #expect(image[p * 3 + ch] == Float((ch * 7 + p + 1) % 256) / 255)
    }
  }

  @Test func aSeededSubsetIsDrawnFromAllFiveBatches() throws {
    let dir = try Self.writeFiles(perFile: 4)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let a = try CIFAR10.dataset(train: 6, test: 2, seed: 3, directory: dir)
    let b = try CIFAR10.dataset(train: 6, test: 2, seed: 3, directory: dir)
    #expect(a.train.count == 6 && a.test.count == 2)
    #expect(a.train.labels == b.train.labels && a.train.features == b.train.features)
  }

  @Test func missingFilesSayWhereJouleLookedAndWhereToGetThem() throws {
    let dir = NSTemporaryDirectory() + "joule-no-cifar-" + UUID().uuidString
    do {
      _ = try CIFAR10.dataset(directory: dir)
      Issue.record("no files, yet it loaded")
    } catch let e as LearnError {
      #expect(e.description.contains(dir))
      #expect(e.description.contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"))
      #expect(e.description.contains("tar -xz -C"))
    }
    #expect(CIFAR10.defaultDirectory(environment: ["JOULE_DATA": "/data"]) == "/data/cifar-10-batches-bin")
    #expect(CIFAR10.defaultDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/joule/cifar-10-batches-bin")
  }

  @Test func aTruncatedBatchOrABadLabelIsNamed() throws {
    let dir = try Self.writeFiles(perFile: 2)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/data_batch_3.bin"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(5000).write(to: URL(fileURLWithPath: path))
    #expect(throws: LearnError.badFile(path: path, fault: "5000 bytes is not a whole number of 3073-byte CIFAR-10 records "
                                       + "(1 label byte + 3×32×32 pixels); truncated, or not the binary version?")) {
      try CIFAR10.dataset(directory: dir)
    }
    var bad = [UInt8](bytes)
    bad[3073] = 11
    try Data(bad).write(to: URL(fileURLWithPath: path))
    #expect(throws: LearnError.badFile(path: path, fault: "record 2 has label 11; CIFAR-10 labels are 0…9")) {
      try CIFAR10.dataset(directory: dir)
    }
  }

  @Test func thePaperNetworksBuildForCIFARImagesAndTrainOnThem() throws {
    let dir = try Self.writeFiles(perFile: 8)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let d = try CIFAR10.dataset(directory: dir)
    let cnn = try PaperNetworks.simpleCNN(conv: 2, linear: 3, input: CIFAR10.shape)
    #expect(try cnn.shapes(input: CIFAR10.shape)[7] == Shape(c: 27, h: 8, w: 8))
    #expect(try PaperNetworks.denseLinear(3, input: CIFAR10.shape).shapes(input: CIFAR10.shape).last == .vector(10))
    #expect(try PaperNetworks.densePoly(3, input: CIFAR10.shape).layers[1] == .linear(units: 1536))
    let r = try Trainer.train(cnn, on: d, options: TrainingOptions(epochs: 1, batchSize: 8, threads: 1))
    #expect(r.accuracy >= 0 && r.accuracy <= 1 && r.loss.isFinite)
  }
}
