import Foundation

/// Training, test and (optionally) validation samples of one shape.
///
///     let data = try Dataset.fashionMNIST(train: 10_000, test: 2_000, seed: 0)
///     data.train.count          // 10000
///     let v = data.withValidation(fraction: 0.1, seed: 0)   // 9000 train, 1000 validation
public final class Dataset {
  public let name: String
  public let train: Samples
  public let test: Samples
  public let validation: Samples?
  /// Class names when known (Fashion-MNIST's, or a CSV's label values); else "0", "1", ...
  public let classNames: [String]

  public init(name: String, train: Samples, test: Samples, validation: Samples? = nil,
              classNames: [String]? = nil) throws {
    guard train.shape == test.shape else {
      throw LearnError.badData("dataset: train samples are \(train.shape) but test samples are \(test.shape)")
    }
    guard train.count > 0 else { throw LearnError.badData("dataset \(name): no training samples") }
    self.name = name
    self.train = train
    self.test = test
    self.validation = validation
    let classes = max(train.classCount, test.classCount, validation?.classCount ?? 0)
    self.classNames = classNames ?? (0..<classes).map(String.init)
  }

  public var shape: Shape { train.shape }
  public var classes: Int { classNames.count }

  /// Moves a seeded random `fraction` of the training samples into a validation split.
  public func withValidation(fraction: Double, seed: UInt64) throws -> Dataset {
    guard fraction > 0, fraction < 1 else {
      throw LearnError.invalidOption("validation: fraction must be between 0 and 1, got \(fraction)")
    }
    let shuffled = train.shuffled(seed: seed)
    let held = max(1, Int((Double(train.count) * fraction).rounded()))
    guard held < train.count else { throw LearnError.invalidOption("validation: leaves no training samples") }
    return try Dataset(name: name, train: shuffled.slice(held..<train.count), test: test,
                       validation: shuffled.slice(0..<held), classNames: classNames)
  }

  /// The first `train` training and `test` test samples (nil: all).
  public func sliced(train: Int?, test: Int?) throws -> Dataset {
    try Dataset(name: name, train: self.train.slice(0..<(train ?? self.train.count)),
                test: self.test.slice(0..<(test ?? self.test.count)), validation: validation,
                classNames: classNames)
  }

  /// Fashion-MNIST's ten classes (Xiao, Rasul & Vollgraf 2017), in label order.
  public static let fashionMNISTClasses = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
  ]

  /// Debian's dataset-fashion-mnist location; `JOULE_DATA` overrides it.
  public static var defaultDirectory: String {
    ProcessInfo.processInfo.environment["JOULE_DATA"] ?? "/usr/share/datasets/fashion-mnist"
  }

  /// Fashion-MNIST (or MNIST, same files) from `directory`: a seeded random `train` of the
  /// 60,000 and `test` of the 10,000 (all when nil); pixels scaled to [0, 1].
  public static func fashionMNIST(train: Int? = nil, test: Int? = nil, seed: UInt64 = 0,
                                  directory: String? = nil) throws -> Dataset {
    let dir = directory ?? defaultDirectory
    func file(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
    let trainSet = try IDXFile.samples(images: file("train-images-idx3-ubyte.gz"),
                                       labels: file("train-labels-idx1-ubyte.gz"), limit: train, seed: seed)
    let testSet = try IDXFile.samples(images: file("t10k-images-idx3-ubyte.gz"),
                                      labels: file("t10k-labels-idx1-ubyte.gz"), limit: test, seed: seed &+ 1)
    let isFashion = !dir.lowercased().contains("/mnist") || dir.lowercased().contains("fashion")
    return try Dataset(name: isFashion ? "fashion-mnist" : (dir as NSString).lastPathComponent,
                       train: trainSet, test: testSet,
                       classNames: isFashion && trainSet.classCount <= 10 ? fashionMNISTClasses : nil)
  }

  /// A dataset from feature rows and class labels (e.g. rows of a CSV): a seeded random
  /// `testFraction` is held out for testing.
  public static func fromRows(_ rows: [[Float]], labels: [String], name: String = "rows",
                              testFraction: Double = 0.2, seed: UInt64 = 0) throws -> Dataset {
    guard !rows.isEmpty else { throw LearnError.badData("dataset: no rows") }
    guard rows.count == labels.count else {
      throw LearnError.badData("dataset: \(rows.count) rows but \(labels.count) labels")
    }
    let width = rows[0].count
    guard width > 0 else { throw LearnError.badData("dataset: rows have no feature columns") }
    if let bad = rows.firstIndex(where: { $0.count != width }) {
      throw LearnError.badData("dataset: row \(bad + 1) has \(rows[bad].count) features, row 1 has \(width)")
    }
    guard testFraction >= 0, testFraction < 1 else {
      throw LearnError.invalidOption("dataset: test fraction must be in [0, 1), got \(testFraction)")
    }
    // Integer labels keep their values; other labels are numbered in sorted order.
    let names: [String]
    let codes: [Int32]
    if labels.allSatisfy({ Int32($0) != nil && Int32($0)! >= 0 }) {
      codes = labels.map { Int32($0)! }
      names = (0...Int(codes.max()!)).map(String.init)
    } else {
      names = Array(Set(labels)).sorted()
      let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
      codes = labels.map { index[$0]! }
    }
    let all = try Samples(shape: .vector(width), features: rows.flatMap { $0 }, labels: codes).shuffled(seed: seed)
    let held = Int((Double(rows.count) * testFraction).rounded())
    guard held < rows.count else { throw LearnError.badData("dataset: the test fraction leaves no training rows") }
    return try Dataset(name: name, train: all.slice(held..<all.count), test: all.slice(0..<held), classNames: names)
  }
}
