import Learn
import Script

/// A sequential network as a language value; training changes its weights in place.
///
///     m = model(conv2d(32, 3), relu(), maxpool(2), flatten(), linear(10))
///     m.parameters     # 54,410 for 1×28×28 inputs (before training: as if built for them)
///     m.layers         # ["conv2d(32, 3)", "relu()", ...]
final class ModelValue: HostObject {
  let model: Model
  /// Whether `train` has said that this model was already trained (it says so once).
  var toldTrained = false
  /// The images the model was made for (the paper networks' `input:`), until it is built.
  let intendedInput: Shape?
  /// Class names, when the model came from a file that kept them.
  var classNames: [String]?
  /// How it was made, when a builder said ("simple_cnn(2,3)"); train summaries show it.
  var name: String?
  /// The name summaries show: the builder's, else the layer count.
  var shownName: String { name ?? "model(\(model.layers.count) layers)" }

  init(_ model: Model, input: Shape? = nil, classNames: [String]? = nil) {
    self.model = model
    intendedInput = input
    self.classNames = classNames
  }

  /// The input shape shown before training: the model's own once built, else the one it was
  /// made for, else Fashion-MNIST's.
  var shownInput: Shape { model.inputShape ?? intendedInput ?? PaperNetworks.fashionMNIST }

  var typeName: String { "model" }
  var fieldNames: [String] { ["layers", "parameters", "input", "output", "trained", "macs"] }
  func field(_ name: String) -> Value? {
    switch name {
    case "layers": return .list(model.layers.map { .string($0.description) })
    case "parameters": return (try? model.parameterCount(input: shownInput)).map { .int($0) } ?? .none
    case "input": return .list(shownInput.dimensions.map { .int($0) })
    case "output": return (try? model.shapes(input: shownInput).last).flatMap { $0 }.map { s in .list(s.dimensions.map { .int($0) }) } ?? .none
    case "trained": return .bool(model.isBuilt)
    case "macs":
      return (try? model.summary(input: shownInput)).map { .int($0.reduce(0) { $0 + $1.macs }) } ?? .none
    default: return nil
    }
  }

  var displayText: String {
    let count = (try? model.parameterCount(input: shownInput)).map { "\($0) parameters" } ?? "does not fit \(shownInput)"
    return "<model \(model.layers.count) layers, \(count): " + model.layers.map(\.description).joined(separator: " → ") + ">"
  }
}
