import Foundation
import JSONText

/// Saving and loading a trained model as a safetensors file PyTorch can read.
///
///     try ModelArchive.save(model, to: "cnn.safetensors")
///     let back = try ModelArchive.load(from: "cnn.safetensors")   // same layers, same weights
///
/// Tensors carry PyTorch's `state_dict` names and layouts (`StateDict`); `__metadata__` holds
/// the architecture: `joule.layers` (JSON), `joule.input` ([c, h, w]), `joule.pytorch` (the
/// matching `nn.Sequential`), `joule.classes` (class names, when given) and `format: pt`.
public enum ModelArchive {
  public static let layersKey = "joule.layers"
  public static let inputKey = "joule.input"
  public static let pytorchKey = "joule.pytorch"
  public static let classesKey = "joule.classes"

  /// The file's bytes for a built model.
  public static func encode(_ model: Model, classNames: [String]? = nil) throws -> [UInt8] {
    guard let input = model.inputShape else {
      throw LearnError.invalidOption("save_model: the model has no weights yet; train it first")
    }
    var file = SafeTensors(metadata: [
      "format": "pt",
      layersKey: ModelArchitecture.json(layers: model.layers),
      inputKey: "[" + input.dimensions.map(String.init).joined(separator: ", ") + "]",
      pytorchKey: try PyTorchSource.sequential(model, input: input),
    ])
    if let classNames {
      file.metadata[classesKey] = "[" + classNames.map(JSONString.quoted).joined(separator: ", ") + "]"
    }
    for t in try StateDict.tensors(of: model) { file.append(t) }
    return file.encoded()
  }

  public static func save(_ model: Model, to path: String, classNames: [String]? = nil) throws {
    let bytes = try encode(model, classNames: classNames)
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw LearnError.badFile(path: path, fault: "cannot write: \(error.localizedDescription)")
    }
  }

  /// A model rebuilt from a file's bytes, with its class names when saved.
  public static func decode(_ bytes: [UInt8], path: String) throws -> (model: Model, classNames: [String]?) {
    let file = try SafeTensors.decode(bytes, path: path)
    guard let layersText = file.metadata[layersKey], let inputText = file.metadata[inputKey] else {
      throw LearnError.badFile(path: path, fault: "a safetensors file, but not one joule saved: its __metadata__ "
                               + "has no \(layersKey) and \(inputKey) describing the network")
    }
    let layers = try ModelArchitecture.layers(fromJSON: layersText, path: path)
    let input = try ModelArchitecture.shape(fromJSON: inputText, path: path)
    let model: Model
    do {
      model = try Model(layers)
      try model.build(input: input, seed: 0)
    } catch let e as LearnError {
      throw LearnError.badFile(path: path, fault: "its architecture does not build: \(e.description)")
    }
    try StateDict.load(file.tensors, into: model, path: path)
    var classes: [String]?
    if let text = file.metadata[classesKey] {
      classes = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String]
    }
    return (model, classes)
  }

  public static func load(from path: String) throws -> (model: Model, classNames: [String]?) {
    guard let data = FileManager.default.contents(atPath: path) else {
      let why = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
      throw LearnError.badFile(path: path, fault: why)
    }
    return try decode([UInt8](data), path: path)
  }
}
