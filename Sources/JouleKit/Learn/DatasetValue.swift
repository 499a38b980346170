import Learn
import Script

/// A dataset as a language value.
///
///     d = dataset("fashion-mnist", train: 10000, test: 2000)
///     d.train        # 10000 (samples)
///     d.shape        # [1, 28, 28]
final class DatasetValue: HostObject {
  let dataset: Dataset
  init(_ dataset: Dataset) { self.dataset = dataset }

  var typeName: String { "dataset" }
  var fieldNames: [String] { ["name", "train", "test", "validation", "shape", "classes", "class_names"] }
  func field(_ name: String) -> Value? {
    switch name {
    case "name": return .string(dataset.name)
    case "train": return .int(dataset.train.count)
    case "test": return .int(dataset.test.count)
    case "validation": return .int(dataset.validation?.count ?? 0)
    case "shape": return .list(dataset.shape.dimensions.map { .int($0) })
    case "classes": return .int(dataset.classes)
    case "class_names": return .list(dataset.classNames.map { .string($0) })
    default: return nil
    }
  }
  var displayText: String {
    let v = dataset.validation.map { ", \($0.count) validation" } ?? ""
    return "<dataset \(dataset.name): \(dataset.train.count) train, \(dataset.test.count) test\(v), "
      + "\(dataset.shape), \(dataset.classes) classes>"
  }
}
