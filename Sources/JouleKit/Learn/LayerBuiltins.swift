import Learn
import Script

/// Layer constructors, `model`, `summary` and the paper's networks.
///
///     m = model(conv2d(32, 3), relu(), maxpool(2), flatten(), linear(10))
///     summary(m)
enum LayerBuiltins {
  static func layer(_ l: Layer) throws -> Value {
    try l.validate()
    return .host(LayerValue(l))
  }

  static var all: [Builtin] {
    [
      Builtin("conv2d", [Parameter("channels", .int, doc: "output channels"),
                         Parameter("kernel", .int, doc: "square kernel size"),
                         // Keyword-only: PyTorch's order (in, out, kernel) would land on stride.
                         Parameter("stride", .int, default: .int(1), keywordOnly: true),
                         Parameter("pad", .int, default: .int(0), keywordOnly: true)],
              family: "training",
              doc: "A 2-D convolution; input channels are inferred on first use.") { a, _ in
        try layer(.conv2d(channels: try a.int("channels"), kernel: try a.int("kernel"),
                          stride: try a.int("stride"), pad: try a.int("pad")))
      },
      Builtin("batchnorm", family: "training",
              doc: "Batch normalisation per channel (running statistics for evaluation).") { _, _ in
        try layer(.batchnorm)
      },
      Builtin("relu", family: "training", doc: "max(0, x), elementwise.") { _, _ in try layer(.relu) },
      Builtin("maxpool", [Parameter("size", .int), Parameter("stride", .optional(.int), default: Value.none,
                                                             doc: "defaults to size")],
              family: "training", doc: "Max over size×size windows.") { a, _ in
        try layer(.maxpool(size: try a.int("size"), stride: try a.optionalInt("stride")))
      },
      Builtin("flatten", family: "training", doc: "Each sample as one vector.") { _, _ in try layer(.flatten) },
      Builtin("linear", [Parameter("units", .int)], family: "training",
              doc: "A fully connected layer with `units` outputs.") { a, _ in
        try layer(.linear(units: try a.int("units")))
      },
      Builtin("dropout", [Parameter("p", .number, doc: "probability of zeroing a value")], family: "training",
              doc: "Zeroes values at random while training (scaled by 1/(1-p)).") { a, _ in
        try layer(.dropout(p: try a.double("p")))
      },
      Builtin("model", [Parameter("layers", .any, kind: .variadic, doc: "layers, or lists of layers"), initParameter],
              family: "training", doc: "A sequential network of the layers in order.") { a, _ in
        let m = try Model(try layers(a.rest))
        m.initialization = try initialization(a, "model")
        return .host(ModelValue(m))
      },
      Builtin("summary", [Parameter("model", .host("model")),
                          Parameter("input", .optional(.list), default: Value.none,
                                    doc: "input shape [channels, height, width]; default the model's, or [1, 28, 28]")],
              family: "training",
              doc: "A table of the model's layers: output shape, parameters, multiply-accumulates per image.") { a, _ in
        let m = try a.host("model", as: ModelValue.self)
        let input = try a.has("input") ? shape(try a.list("input"), "summary") : m.shownInput
        let rows = try m.model.summary(input: input).map { s in
          Record([("layer", .string(s.layer.description)), ("output_shape", .string(s.outputShape.description)),
                  ("parameters", .int(s.parameters)), ("macs", .int(s.macs))])
        }
        return .table(rows)
      },
      Builtin("simple_cnn", [Parameter("conv", .int, default: .int(2), doc: "conv blocks"),
                             Parameter("linear", .int, default: .int(3), doc: "linear layers, the last one included"),
                             Parameter("relu", .bool, default: .bool(true), doc: "ReLU in the conv blocks"),
                             inputParameter, initParameter],
              family: "training",
              doc: "The paper's SimpleCNN: conv blocks (3·3^d channels, batchnorm, ReLU, maxpool 2) then halving linear layers.") { a, _ in
        let input = try paperInput(a, "simple_cnn")
        let m = try PaperNetworks.simpleCNN(conv: try a.int("conv"), linear: try a.int("linear"), relu: try a.bool("relu"),
                                            input: input)
        m.initialization = try initialization(a, "simple_cnn")
        let v = ModelValue(m, input: input)
        v.name = "simple_cnn(\(try a.int("conv")),\(try a.int("linear"))\(try a.bool("relu") ? "" : ", relu: false"))"
        return .host(v)
      },
      Builtin("dense_linear", [Parameter("layers", .int, default: .int(3)), inputParameter], family: "training",
              doc: "The paper's DenseLinearNN: linear layers whose widths fall linearly (522, 261, 10 for 3).") { a, _ in
        let input = try paperInput(a, "dense_linear")
        let v = ModelValue(try PaperNetworks.denseLinear(try a.int("layers"), input: input), input: input)
        v.name = "dense_linear(\(try a.int("layers")))"
        return .host(v)
      },
      Builtin("dense_poly", [Parameter("layers", .int, default: .int(3)), inputParameter], family: "training",
              doc: "The paper's DensePolyNN: linear layers halving in width (392, 196, 10 for 3).") { a, _ in
        let input = try paperInput(a, "dense_poly")
        return .host(ModelValue(try PaperNetworks.densePoly(try a.int("layers"), input: input), input: input))
      },
    ]
  }

  /// The paper networks' widths follow their input (C·D²), so they take it up front.
  static let inputParameter = Parameter(
    "input", .oneOf([.list, .host("dataset")]), default: .list([.int(1), .int(28), .int(28)]),
    doc: "the images they are for: [channels, height, width] or a dataset (CIFAR-10: [3, 32, 32])")

  static func paperInput(_ a: BoundArguments, _ function: String) throws -> Shape {
    if case .host(let h as DatasetValue) = a["input"] { return h.dataset.shape }
    return try shape(try a.list("input"), function)
  }

  /// Layers from `model(...)`'s arguments; lists are spliced in.
  /// `init: "pytorch"` (PyTorch's default) or `init: "he"` (He et al.), for `model` and `simple_cnn`.
  static let initParameter = Parameter("init", .string, default: .string("pytorch"),
                                       doc: "weight initialisation: \"pytorch\" (kaiming-uniform a=√5, uniform bias) or \"he\"")

  static func initialization(_ a: BoundArguments, _ function: String) throws -> Initialization {
    let name = try a.string("init")
    guard let i = Initialization(rawValue: name) else {
      throw ScriptError.runtime("\(function): init must be \(Initialization.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")), got \"\(name)\"")
    }
    return i
  }

  static func layers(_ values: [Value]) throws -> [Layer] {
    var out: [Layer] = []
    for (i, v) in values.enumerated() {
      switch v {
      case .host(let h as LayerValue): out.append(h.layer)
      case .list(let l): out += try layers(l)
      default:
        throw ScriptError.runtime("model: argument \(i + 1) must be a layer (conv2d(...), linear(...), ...), got \(v.typeName)")
      }
    }
    return out
  }

  /// [c, h, w] or [n] as a shape.
  static func shape(_ list: [Value], _ function: String) throws -> Shape {
    let dims = list.compactMap { v -> Int? in if case .int(let i) = v { return i } else { return nil } }
    guard dims.count == list.count, dims.allSatisfy({ $0 > 0 }), dims.count == 1 || dims.count == 3 else {
      throw ScriptError.runtime("\(function): input must be [channels, height, width] or [size] of positive integers")
    }
    return dims.count == 1 ? .vector(dims[0]) : Shape(c: dims[0], h: dims[1], w: dims[2])
  }
}
