import Foundation
import Learn
import Script

/// `save_model`, `load_model` and `predict`: trained models that outlive the prompt, in the
/// safetensors format PyTorch loads (docs/models.md shows the matching networks).
///
///     save_model(m, "cnn.safetensors")
///     m2 = load_model("cnn.safetensors")
///     predict(m2, d)          # class probabilities for each test image
enum ModelFileBuiltins {
  static var all: [Builtin] {
    [
      Builtin("save_model", [
        Parameter("model", .host("model")), Parameter("path", .string, doc: "a .safetensors file (overwritten)"),
        Parameter("classes", .optional(.oneOf([.list, .host("dataset")])), default: Value.none,
                  doc: "class names to keep with it: a list, or a dataset's"),
      ], family: "training",
      doc: "Writes a trained model's weights as safetensors with PyTorch's state_dict names; returns the path.") { a, ctx in
        let m = try a.host("model", as: ModelValue.self)
        let target = UserPath.inProgram(try a.string("path"), ctx), path = target.absolute
        if let problem = FileProblem.problemWriting(target) { throw ScriptError.runtime("save_model: \(problem)") }
        var classes = m.classNames
        switch a["classes"] {
        case .host(let h as DatasetValue): classes = h.dataset.classNames
        case .list(let l): classes = l.map { if case .string(let s) = $0 { return s } else { return $0.shortDescription } }
        default: break
        }
        try ModelArchive.save(m.model, to: path, classNames: classes)
        return .string(path)
      },
      Builtin("load_model", [Parameter("path", .string, doc: "a .safetensors file written by save_model")],
              family: "training", doc: "The model a save_model file holds, weights and all.") { a, ctx in
        let source = UserPath.inProgram(try a.string("path"), ctx)
        if let problem = FileProblem.problemReading(source) { throw ScriptError.runtime("load_model: \(problem)") }
        let loaded = try ModelArchive.load(from: source.absolute)
        return .host(ModelValue(loaded.model, classNames: loaded.classNames))
      },
      Builtin("predict", [
        Parameter("model", .host("model")),
        Parameter("images", .oneOf([.list, .host("dataset")]),
                  doc: "a dataset (its test images), one image, or a list of images; an image is [c][h][w] nested lists or a flat list in that (PyTorch's) order"),
      ], family: "training",
      doc: "Class probabilities (softmax) for each image: a list of lists, one probability per class.") { a, _ in
        let m = try a.host("model", as: ModelValue.self).model
        guard let input = m.inputShape else { throw ScriptError.runtime("predict: the model has no weights yet; train it first") }
        let samples: Samples
        var single = false
        switch a["images"] {
        case .host(let h as DatasetValue): samples = h.dataset.test
        case .list(let items):
          (samples, single) = try images(items, shape: input)
        default: throw ScriptError.runtime("predict: images must be a dataset or a list")
        }
        let rows = try Predictor.probabilities(m, samples: samples).map { Value.list($0.map { .float(Double($0)) }) }
        return single ? rows[0] : .list(rows)
      },
    ]
  }

  /// Images as samples: one image ([c][h][w] lists or a flat list, channel-major) or a list of
  /// them; joule keeps pixels channels-last, so each is reordered.
  static func images(_ items: [Value], shape: Shape) throws -> (Samples, single: Bool) {
    func flat(_ v: Value, into out: inout [Float]) throws {
      switch v {
      case .list(let l): for x in l { try flat(x, into: &out) }
      case .int, .float: out.append(Float(v.number!))
      default: throw ScriptError.runtime("predict: pixels must be numbers, got \(v.typeName)")
      }
    }
    var all: [Float] = []
    try flat(.list(items), into: &all)
    guard !all.isEmpty, all.count % shape.count == 0 else {
      throw ScriptError.runtime("predict: the model takes images of \(shape) = \(shape.count) values; got \(all.count) values")
    }
    let n = all.count / shape.count, plane = shape.h * shape.w
    var features = [Float](repeating: 0, count: all.count)
    for i in 0..<n {
      for ch in 0..<shape.c {
        for p in 0..<plane { features[i * shape.count + p * shape.c + ch] = all[i * shape.count + ch * plane + p] }
      }
    }
    let single = n == 1 && !isImageList(items, shape)
    return (try Samples(shape: shape, features: features, labels: [Int32](repeating: 0, count: n)), single)
  }

  /// True when `items` is a list of images rather than one image's rows or planes.
  static func isImageList(_ items: [Value], _ shape: Shape) -> Bool {
    func count(_ v: Value) -> Int { if case .list(let l) = v { return l.reduce(0) { $0 + count($1) } } else { return 1 } }
    return items.allSatisfy { count($0) == shape.count }
  }
}
