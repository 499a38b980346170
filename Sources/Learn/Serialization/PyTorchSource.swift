/// The PyTorch `nn.Sequential` whose `state_dict` matches a joule model, as Python source.
///
///     try PyTorchSource.sequential(model, input: Shape(c: 1, h: 28, w: 28))
///     // nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.BatchNorm2d(3), nn.ReLU(), ...)
///
/// Module indices follow joule's layer indices, so `0.weight` is the first layer's in both.
public enum PyTorchSource {
  public static func sequential(_ model: Model, input: Shape) throws -> String {
    let outs = try model.shapes(input: input)
    var shape = input
    var modules: [String] = []
    for (i, layer) in model.layers.enumerated() {
      switch layer {
      case let .conv2d(c, k, s, p):
        modules.append("nn.Conv2d(\(shape.c), \(c), \(k)\(s != 1 ? ", stride=\(s)" : "")\(p != 0 ? ", padding=\(p)" : ""))")
      case .batchnorm:
        modules.append(shape.isVector ? "nn.BatchNorm1d(\(shape.c))" : "nn.BatchNorm2d(\(shape.c))")
      case .relu: modules.append("nn.ReLU()")
      case let .maxpool(size, stride): modules.append("nn.MaxPool2d(\(size), \(stride ?? size))")
      case .flatten: modules.append("nn.Flatten()")
      case .linear(let u):
        // joule lets linear take a map directly; PyTorch needs a flatten() before it (and
        // then the indices shift), so give joule models that flatten() to match PyTorch.
        modules.append("nn.Linear(\(shape.count), \(u))")
      case .dropout(let p): modules.append("nn.Dropout(\(p))")
      }
      shape = outs[i]
    }
    return "nn.Sequential(" + modules.joined(separator: ", ") + ")"
  }
}
