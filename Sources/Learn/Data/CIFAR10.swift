import Foundation

/// CIFAR-10's binary distribution (Krizhevsky 2009): `data_batch_1.bin` … `data_batch_5.bin`
/// and `test_batch.bin`, each 10,000 records of one label byte then 3×32×32 pixel bytes
/// (the red plane, then green, then blue, each row by row).
///
///     let d = try CIFAR10.dataset(train: 5000, test: 1000, seed: 0)    // from $JOULE_DATA/cifar-10-batches-bin
///     d.shape                                                          // 3×32×32
///
/// Pixels are stored channels-last, as joule keeps every image, as bytes that reach the network
/// scaled to [0, 1] (`Float(x) / 255`): 154 MB for the training set rather than 614 MB of floats.
public enum CIFAR10 {
  public static let shape = Shape(c: 3, h: 32, w: 32)
  public static let recordBytes = 1 + 3 * 32 * 32
  public static let trainFiles = (1...5).map { "data_batch_\($0).bin" }
  public static let testFile = "test_batch.bin"
  /// batches.meta.txt's names, in label order.
  public static let classNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
  /// The binary version's official home (Alex Krizhevsky's page at the University of Toronto).
  public static let archiveURL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
  public static let folderName = "cifar-10-batches-bin"

  /// Where joule looks when no folder is given: `$JOULE_DATA/cifar-10-batches-bin`, else
  /// `$XDG_DATA_HOME/joule/cifar-10-batches-bin` (`~/.local/share/joule/...`).
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let data = environment["JOULE_DATA"], !data.isEmpty { return (data as NSString).appendingPathComponent(folderName) }
    let xdg = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
    return ((xdg as NSString).appendingPathComponent("joule") as NSString).appendingPathComponent(folderName)
  }

  /// The dataset from `directory` (the folder holding the .bin files, or the one the archive
  /// was unpacked into); seeded random `train` of the 50,000 and `test` of the 10,000.
  public static func dataset(train: Int? = nil, test: Int? = nil, seed: UInt64 = 0, directory: String? = nil) throws -> Dataset {
    let dir = try locate(directory)
    func file(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
    let trainSet = try samples(files: trainFiles.map(file), limit: train, seed: seed)
    let testSet = try samples(files: [file(testFile)], limit: test, seed: seed &+ 1)
    return try Dataset(name: "cifar-10", train: trainSet, test: testSet, classNames: classNames)
  }

  /// The folder with the six files: `directory` itself or its cifar-10-batches-bin; else an
  /// error saying where joule looked and how to get the files.
  static func locate(_ directory: String?) throws -> String {
    let candidates: [String]
    if let directory {
      candidates = [directory, (directory as NSString).appendingPathComponent(folderName)]
    } else {
      candidates = [defaultDirectory()]
    }
    let fm = FileManager.default
    for dir in candidates where fm.fileExists(atPath: (dir as NSString).appendingPathComponent(testFile)) {
      if let missing = trainFiles.first(where: { !fm.fileExists(atPath: (dir as NSString).appendingPathComponent($0)) }) {
        throw LearnError.badFile(path: (dir as NSString).appendingPathComponent(missing),
                                 fault: "missing: CIFAR-10 needs data_batch_1.bin … data_batch_5.bin and test_batch.bin together")
      }
      return dir
    }
    let unpackInto = directory ?? (candidates[0] as NSString).deletingLastPathComponent
    throw LearnError.badData("""
      dataset: CIFAR-10 not found: looked for test_batch.bin and data_batch_1..5.bin in \(candidates.joined(separator: " and ")).
      Get the binary version (162 MB) from \(archiveURL) and unpack it there:
          mkdir -p \(unpackInto) && curl -L \(archiveURL) | tar -xz -C \(unpackInto)
      It makes \(folderName)/ in \(unpackInto), where joule looks\(directory == nil ? " (set JOULE_DATA to look elsewhere, or pass path:)" : "").
      """)
  }

  /// Records from the files, in file order; a seeded random `limit` of them when given.
  public static func samples(files: [String], limit: Int?, seed: UInt64) throws -> Samples {
    if let limit, limit < 0 { throw LearnError.invalidOption("dataset: sample count must not be negative, got \(limit)") }
    var blobs: [Data] = []
    var index: [(file: Int, record: Int)] = []
    for (f, path) in files.enumerated() {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw LearnError.badFile(path: path, fault: "cannot be read")
      }
      guard !data.isEmpty, data.count % recordBytes == 0 else {
        throw LearnError.badFile(path: path, fault: "\(data.count) bytes is not a whole number of \(recordBytes)-byte "
                                 + "CIFAR-10 records (1 label byte + 3×32×32 pixels); truncated, or not the binary version?")
      }
      let records = data.count / recordBytes
      try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        for r in 0..<records where raw[r * recordBytes] > 9 {
          throw LearnError.badFile(path: path, fault: "record \(r + 1) has label \(raw[r * recordBytes]); CIFAR-10 labels are 0…9")
        }
      }
      blobs.append(data)
      index += (0..<records).map { (f, $0) }
    }
    var order = Array(0..<index.count)
    if let limit, limit < order.count {
      var random = SeededRandom(seed: seed, stream: 0xC1FA)
      random.shuffle(&order)
      order = Array(order[0..<limit])
    }
    let d = shape.count, plane = 32 * 32
    var pixels = [UInt8](repeating: 0, count: order.count * d)
    var labels = [Int32](repeating: 0, count: order.count)
    pixels.withUnsafeMutableBufferPointer { dst in
      for (j, i) in order.enumerated() {
        let (f, r) = index[i]
        blobs[f].withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
          let record = r * recordBytes
          labels[j] = Int32(raw[record])
          // Planar RGB in the file, channels-last in joule.
          for ch in 0..<3 {
            for p in 0..<plane { dst[j * d + p * 3 + ch] = raw[record + 1 + ch * plane + p] }
          }
        }
      }
    }
    // Float(x) / 255, the scaling these samples have always had (torchvision's ToTensor too).
    return try Samples(shape: shape, bytes: pixels, scaling: .dividedBy(255), labels: labels)
  }
}
