import Foundation

/// A model's layers and input shape as JSON text, for a saved file's `__metadata__`.
///
///     ModelArchitecture.json(layers: [.flatten, .linear(units: 10)])
///     // [{"type":"flatten"},{"type":"linear","units":10}]
///     try ModelArchitecture.layers(fromJSON: text)   // the layers back
public enum ModelArchitecture {
  public static func json(layers: [Layer]) -> String {
    "[" + layers.map(json(layer:)).joined(separator: ",") + "]"
  }

  static func json(layer: Layer) -> String {
    switch layer {
    case let .conv2d(c, k, s, p): return "{\"type\":\"conv2d\",\"channels\":\(c),\"kernel\":\(k),\"stride\":\(s),\"pad\":\(p)}"
    case .batchnorm: return "{\"type\":\"batchnorm\"}"
    case .relu: return "{\"type\":\"relu\"}"
    case let .maxpool(size, stride): return "{\"type\":\"maxpool\",\"size\":\(size),\"stride\":\(stride ?? size)}"
    case .flatten: return "{\"type\":\"flatten\"}"
    case .linear(let u): return "{\"type\":\"linear\",\"units\":\(u)}"
    case .dropout(let p): return "{\"type\":\"dropout\",\"p\":\(p)}"
    }
  }

  /// The layers a `json(layers:)` text describes; `path` names the file in errors.
  public static func layers(fromJSON text: String, path: String) throws -> [Layer] {
    func bad(_ fault: String) -> LearnError { .badFile(path: path, fault: "joule.layers: \(fault)") }
    guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] else {
      throw bad("not a JSON list of layers")
    }
    return try list.enumerated().map { i, item in
      func int(_ key: String) throws -> Int {
        guard let v = item[key] as? Int else { throw bad("layer \(i + 1) needs an integer \(key)") }
        return v
      }
      switch item["type"] as? String {
      case "conv2d": return .conv2d(channels: try int("channels"), kernel: try int("kernel"), stride: try int("stride"), pad: try int("pad"))
      case "batchnorm": return .batchnorm
      case "relu": return .relu
      case "maxpool": return .maxpool(size: try int("size"), stride: try int("stride"))
      case "flatten": return .flatten
      case "linear": return .linear(units: try int("units"))
      case "dropout":
        guard let p = item["p"] as? Double else { throw bad("layer \(i + 1) needs a number p") }
        return .dropout(p: p)
      case let other: throw bad("layer \(i + 1) has unknown type \(other ?? "(none)")")
      }
    }
  }

  /// "[1, 28, 28]" as a shape.
  public static func shape(fromJSON text: String, path: String) throws -> Shape {
    guard let dims = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Int],
          dims.count == 1 || dims.count == 3, dims.allSatisfy({ $0 > 0 }) else {
      throw LearnError.badFile(path: path, fault: "joule.input must be [channels, height, width] or [size], got \(text)")
    }
    return dims.count == 1 ? .vector(dims[0]) : Shape(c: dims[0], h: dims[1], w: dims[2])
  }
}
