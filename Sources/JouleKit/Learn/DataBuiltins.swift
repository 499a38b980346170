import Foundation
import Learn
import Script

/// Datasets: Fashion-MNIST (or MNIST-format files), CIFAR-10, IDX files, and rows from `read_csv`.
///
///     d = dataset("fashion-mnist", train: 10000, test: 2000, seed: 1)
///     d = dataset("cifar-10", train: 5000, path: "/srv/data")
///     d = dataset(read_csv("iris.csv"), label: "species")
///     d = load_idx(images: "train-images.gz", labels: "train-labels.gz")
enum DataBuiltins {
  static var all: [Builtin] {
    [
      Builtin("dataset", [
        Parameter("source", .oneOf([.string, .list]), doc: "\"fashion-mnist\", \"cifar-10\", \"mnist\" (with path:), or rows (records)"),
        Parameter("train", .optional(.int), default: Value.none, doc: "training samples (seeded random subset); default all"),
        Parameter("test", .optional(.int), default: Value.none, doc: "test samples; default all"),
        Parameter("seed", .int, default: .int(0)),
        Parameter("path", .optional(.string), default: Value.none, doc: "folder of the files; default $JOULE_DATA (CIFAR-10: $JOULE_DATA/cifar-10-batches-bin) or Debian's"),
        Parameter("label", .optional(.string), default: Value.none, doc: "for rows: the class column"),
        Parameter("test_fraction", .number, default: .float(0.2), doc: "for rows: share held out for testing"),
        Parameter("validation", .optional(.number), default: Value.none, doc: "share of training samples held out for validation"),
      ], family: "training", doc: "A dataset: Fashion-MNIST or CIFAR-10 (pixels in [0, 1]) or a table of rows with a label column.") { a, ctx in
        let seed = UInt64(truncatingIfNeeded: try a.int("seed"))
        var data: Dataset
        switch a["source"] {
        case .string(let name):
          data = try named(name, a, ctx, seed: seed)
        case .list(let rows):
          guard let label = try a.optionalString("label") else {
            throw ScriptError.runtime("dataset: rows need label: naming the class column")
          }
          data = try fromRows(rows, label: label, testFraction: try a.double("test_fraction"), seed: seed)
          if a.has("train") || a.has("test") { data = try data.sliced(train: try a.optionalInt("train"), test: try a.optionalInt("test")) }
        default:
          throw ScriptError.runtime("dataset: source must be a name or a list of rows")
        }
        if let v = try a.optionalDouble("validation") { data = try data.withValidation(fraction: v, seed: seed) }
        return .host(DatasetValue(data))
      },
      Builtin("load_idx", [
        Parameter("images", .string), Parameter("labels", .string),
        Parameter("test_images", .optional(.string), default: Value.none),
        Parameter("test_labels", .optional(.string), default: Value.none),
        Parameter("test_fraction", .number, default: .float(0.2), doc: "held out for testing when no test files are given"),
        Parameter("seed", .int, default: .int(0)),
      ], family: "training", doc: "A dataset from IDX files (gzip-compressed or plain), as MNIST ships them.") { a, ctx in
        let seed = UInt64(truncatingIfNeeded: try a.int("seed"))
        let train = try IDXFile.samples(images: readable(try a.string("images"), ctx), labels: readable(try a.string("labels"), ctx),
                                        limit: nil, seed: seed)
        let name = ((try a.string("images")) as NSString).lastPathComponent
        if let ti = try a.optionalString("test_images") {
          guard let tl = try a.optionalString("test_labels") else {
            throw ScriptError.runtime("load_idx: test_images needs test_labels too")
          }
          let test = try IDXFile.samples(images: readable(ti, ctx), labels: readable(tl, ctx), limit: nil, seed: seed)
          return .host(DatasetValue(try Dataset(name: name, train: train, test: test)))
        }
        let fraction = try a.double("test_fraction")
        guard fraction > 0, fraction < 1 else { throw ScriptError.runtime("load_idx: test_fraction must be between 0 and 1") }
        let shuffled = train.shuffled(seed: seed)
        let held = max(1, Int(Double(train.count) * fraction))
        return .host(DatasetValue(try Dataset(name: name, train: shuffled.slice(held..<train.count),
                                              test: shuffled.slice(0..<held))))
      },
      Builtin("subset", [Parameter("data", .host("dataset")),
                         Parameter("train", .optional(.int), default: Value.none),
                         Parameter("test", .optional(.int), default: Value.none)],
              family: "training", doc: "The first `train` training and `test` test samples of a dataset.") { a, _ in
        let d = try a.host("data", as: DatasetValue.self).dataset
        for key in ["train", "test"] {
          if let n = try a.optionalInt(key), n < 0 { throw ScriptError.runtime("subset: \(key) must not be negative") }
        }
        return .host(DatasetValue(try d.sliced(train: try a.optionalInt("train"), test: try a.optionalInt("test"))))
      },
      Builtin("validation_split", [Parameter("data", .host("dataset")), Parameter("fraction", .number),
                                   Parameter("seed", .int, default: .int(0))],
              family: "training", doc: "Holds a seeded random share of the training samples out for validation.") { a, _ in
        let d = try a.host("data", as: DatasetValue.self).dataset
        return .host(DatasetValue(try d.withValidation(fraction: try a.double("fraction"),
                                                       seed: UInt64(truncatingIfNeeded: try a.int("seed")))))
      },
    ]
  }

  /// An IDX file the program names, made absolute (see `UserPath`); throws why it cannot be read.
  static func readable(_ p: String, _ ctx: any CallContext) throws -> String {
    let file = UserPath.inProgram(p, ctx)
    if let problem = FileProblem.problemReading(file) { throw ScriptError.runtime("load_idx: \(problem)") }
    return file.absolute
  }

  static func named(_ name: String, _ a: BoundArguments, _ ctx: any CallContext, seed: UInt64) throws -> Dataset {
    for key in ["train", "test"] {
      if let n = try a.optionalInt(key), n < 0 { throw ScriptError.runtime("dataset: \(key) must not be negative, got \(n)") }
    }
    // The loaders' own messages name the absolute files they looked for, and where to get them.
    let dir = try a.optionalString("path").map { UserPath.inProgram($0, ctx).absolute }
    switch name.lowercased() {
    case "fashion-mnist", "fashion_mnist", "fashionmnist":
      return try Dataset.fashionMNIST(train: try a.optionalInt("train"), test: try a.optionalInt("test"), seed: seed,
                                      directory: dir)
    case "mnist":
      guard let dir else {
        throw ScriptError.runtime("dataset: \"mnist\" is not installed here; give path: the folder of its IDX files")
      }
      return try Dataset.fashionMNIST(train: try a.optionalInt("train"), test: try a.optionalInt("test"), seed: seed,
                                      directory: dir)
    case "cifar-10", "cifar10", "cifar_10":
      return try CIFAR10.dataset(train: try a.optionalInt("train"), test: try a.optionalInt("test"), seed: seed,
                                 directory: dir)
    default:
      let hint = Suggestion.closest(to: name, among: ["fashion-mnist", "mnist", "cifar-10"]).map { "; did you mean \"\($0)\"?" } ?? ""
      throw ScriptError.runtime("dataset: unknown dataset \"\(name)\" (known: \"fashion-mnist\", \"cifar-10\", \"mnist\" with path:)\(hint)")
    }
  }

  /// Rows of records: every column but `label` must be a number and becomes a feature.
  static func fromRows(_ rows: [Value], label: String, testFraction: Double, seed: UInt64) throws -> Dataset {
    var features: [[Float]] = [], labels: [String] = []
    var columns: [String]?
    for (i, v) in rows.enumerated() {
      guard case .record(let r) = v else { throw ScriptError.runtime("dataset: row \(i + 1) must be a record, got \(v.typeName)") }
      guard let lv = r[label] else {
        let hint = Suggestion.closest(to: label, among: r.keys).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError.runtime("dataset: row \(i + 1) has no column '\(label)'\(hint)")
      }
      let cols = columns ?? r.keys.filter { $0 != label }
      columns = cols
      var row: [Float] = []
      for c in cols {
        switch r[c] {
        case .some(.int(let x)): row.append(Float(x))
        case .some(.float(let x)): row.append(Float(x))
        case .some(.bool(let b)): row.append(b ? 1 : 0)
        case .some(let other): throw ScriptError.runtime("dataset: row \(i + 1), column '\(c)' is \(other.typeName), not a number")
        case .none: throw ScriptError.runtime("dataset: row \(i + 1) has no column '\(c)'")
        }
      }
      features.append(row)
      switch lv {
      case .string(let s): labels.append(s)
      case .int(let x): labels.append(String(x))
      case .bool(let b): labels.append(b ? "true" : "false")
      case .float(let x) where x == x.rounded(): labels.append(String(Int(x)))
      default: throw ScriptError.runtime("dataset: row \(i + 1): label '\(label)' must be a class name or integer, got \(lv.shortDescription)")
      }
    }
    return try Dataset.fromRows(features, labels: labels, name: "rows", testFraction: testFraction, seed: seed)
  }
}
