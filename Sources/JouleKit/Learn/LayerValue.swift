import Learn
import Script

/// A layer as a language value: what `conv2d(32, 3)` returns and `model(...)` takes.
///
///     l = conv2d(32, 3, pad: 1)
///     l.kind       # "conv"
final class LayerValue: HostObject {
  let layer: Layer
  init(_ layer: Layer) { self.layer = layer }

  var typeName: String { "layer" }
  var fieldNames: [String] { ["kind", "name"] }
  func field(_ name: String) -> Value? {
    switch name {
    case "kind": return .string(layer.kind)
    case "name": return .string(layer.description)
    default: return nil
    }
  }
  var displayText: String { layer.description }
}
