import Foundation
import Learn
import Testing

/// Reading IDX files: the real Fashion-MNIST files, and every kind of bad file.
@Suite struct IDXFileTests {
  static let fashion = "/usr/share/datasets/fashion-mnist"

  /// A fresh temp folder for this test's files.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("joule-idx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// IDX bytes: magic 0x0000_08_<dims.count>, big-endian sizes, then `payload`.
  static func idx(_ dims: [Int], payload: [UInt8], type: UInt8 = 0x08) -> [UInt8] {
    var b: [UInt8] = [0, 0, type, UInt8(dims.count)]
    for d in dims { b += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
    return b + payload
  }

  /// Writes `bytes` gzip-compressed (through /bin/gzip) to `name` in `dir`.
  @discardableResult
  static func writeGzip(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
    let plain = dir.appendingPathComponent(name + ".raw")
    try Data(bytes).write(to: plain)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/gzip")
    p.arguments = ["-c", plain.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let path = dir.appendingPathComponent(name).path
    try data.write(to: URL(fileURLWithPath: path))
    return path
  }

  static func message(_ body: () throws -> Void) -> String {
    do { try body() } catch { return "\(error)" }
    return "no error"
  }

  @Test func readsTheFashionMNISTTestImagesAndLabels() throws {
    let images = try IDXFile(path: "\(Self.fashion)/t10k-images-idx3-ubyte.gz")
    let labels = try IDXFile(path: "\(Self.fashion)/t10k-labels-idx1-ubyte.gz")
    #expect(images.dimensions == [10_000, 28, 28])
    #expect(labels.dimensions == [10_000])
    // The test set is balanced: 1,000 of each class (Xiao et al. 2017).
    var perClass = [Int](repeating: 0, count: 10)
    for l in labels.data { perClass[Int(l)] += 1 }
    #expect(perClass == [Int](repeating: 1000, count: 10))
  }

  @Test func fashionMNISTPixelsAreScaledToTheUnitInterval() throws {
    let d = try Dataset.fashionMNIST(train: 500, test: 200, seed: 0)
    #expect(d.train.count == 500 && d.test.count == 200)
    #expect(d.shape == Shape(c: 1, h: 28, w: 28))
    let f = d.train.features
    #expect(f.min()! >= 0 && f.max()! == 1)
    #expect(d.classes == 10 && d.classNames[9] == "Ankle boot")
  }

  @Test func theSeedChoosesTheSubsetAndRepeatsIt() throws {
    let a = try Dataset.fashionMNIST(train: 100, test: 10, seed: 1)
    let b = try Dataset.fashionMNIST(train: 100, test: 10, seed: 1)
    let c = try Dataset.fashionMNIST(train: 100, test: 10, seed: 2)
    #expect(a.train.labels == b.train.labels && a.train.features == b.train.features)
    #expect(a.train.features != c.train.features)
  }

  @Test func aFileIsReadOncePerProcessUntilItChanges() throws {
    let dir = try Self.folder()
    let path = dir.appendingPathComponent("labels.idx").path
    let stamp = Date(timeIntervalSince1970: 1_700_000_000)  // whole seconds survive setAttributes
    try Data(Self.idx([3], payload: [7, 1, 2])).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: path)
    #expect(try IDXFile.cached(path: path).data == [7, 1, 2])
    // Same size and modification time: the remembered bytes come back, the file is not read.
    try Data(Self.idx([3], payload: [9, 9, 9])).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: path)
    #expect(try IDXFile.cached(path: path).data == [7, 1, 2])
    // A changed file is read again.
    try Data(Self.idx([4], payload: [5, 6, 7, 8])).write(to: URL(fileURLWithPath: path))
    #expect(try IDXFile.cached(path: path).data == [5, 6, 7, 8])
  }

  @Test func readsPlainAndGzippedIDXAlike() throws {
    let dir = try Self.folder()
    let bytes = Self.idx([3], payload: [7, 1, 2])
    let gz = try Self.writeGzip(bytes, "labels.gz", in: dir)
    let plain = dir.appendingPathComponent("labels.idx").path
    try Data(bytes).write(to: URL(fileURLWithPath: plain))
    #expect(try IDXFile(path: gz).data == [7, 1, 2])
    #expect(try IDXFile(path: plain).data == [7, 1, 2])
  }

  @Test func aMissingFileIsNamed() {
    let m = Self.message { _ = try IDXFile(path: "/nonexistent/x-idx1-ubyte.gz") }
    #expect(m.contains("/nonexistent/x-idx1-ubyte.gz") && m.contains("no such file"))
  }

  @Test func aFileThatIsNeitherGzipNorIDXIsRejected() throws {
    let dir = try Self.folder()
    let path = dir.appendingPathComponent("notes.txt").path
    try "hello, these are not pixels".write(toFile: path, atomically: true, encoding: .utf8)
    let m = Self.message { _ = try IDXFile(path: path) }
    #expect(m.contains(path) && m.contains("neither gzip-compressed nor an IDX file"), "\(m)")
  }

  @Test func aGzippedFileWithAWrongMagicNumberIsRejected() throws {
    let dir = try Self.folder()
    let path = try Self.writeGzip(Self.idx([2], payload: [1, 2], type: 0x0D), "floats.gz", in: dir)
    let m = Self.message { _ = try IDXFile(path: path) }
    #expect(m.contains(path) && m.contains("wrong magic number 0x00000D01"), "\(m)")
    let path2 = try Self.writeGzip(Array("PK zip archive".utf8), "zip.gz", in: dir)
    let m2 = Self.message { _ = try IDXFile(path: path2) }
    #expect(m2.contains("not an IDX file") && m2.contains("wrong magic number"), "\(m2)")
  }

  @Test func anIDXFileShorterThanItsHeaderSaysIsTruncated() throws {
    let dir = try Self.folder()
    let path = try Self.writeGzip(Self.idx([10, 28, 28], payload: [UInt8](repeating: 0, count: 784 * 3)), "short.gz", in: dir)
    let m = Self.message { _ = try IDXFile(path: path) }
    #expect(m.contains(path) && m.contains("truncated") && m.contains("7840"), "\(m)")
  }

  @Test func aCutOffGzipStreamIsReported() throws {
    let dir = try Self.folder()
    let full = try Self.writeGzip(Self.idx([4000], payload: (0..<4000).map { UInt8($0 * 7 % 251) }), "cut.gz", in: dir)
    let data = try Data(contentsOf: URL(fileURLWithPath: full))
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: full))
    let m = Self.message { _ = try IDXFile(path: full) }
    #expect(m.contains(full) && (m.contains("truncated") || m.contains("corrupt")), "\(m)")
  }

  @Test func labelsAndImagesOfDifferentCountsAreRejected() throws {
    let dir = try Self.folder()
    let images = try Self.writeGzip(Self.idx([3, 2, 2], payload: [UInt8](repeating: 9, count: 12)), "img.gz", in: dir)
    let labels = try Self.writeGzip(Self.idx([2], payload: [0, 1]), "lab.gz", in: dir)
    let m = Self.message { _ = try IDXFile.samples(images: images, labels: labels, limit: nil, seed: 0) }
    #expect(m.contains(labels) && m.contains("2 labels") && m.contains("3 images"), "\(m)")
    // And images given as labels: the wrong number of dimensions.
    let m2 = Self.message { _ = try IDXFile.samples(images: labels, labels: images, limit: nil, seed: 0) }
    #expect(m2.contains("expected images"), "\(m2)")
  }

  @Test func aDataFolderWithoutTheFilesNamesTheMissingOne() throws {
    let dir = try Self.folder()
    let m = Self.message { _ = try Dataset.fashionMNIST(directory: dir.path) }
    #expect(m.contains("train-images-idx3-ubyte.gz") && m.contains("no such file"), "\(m)")
  }
}
