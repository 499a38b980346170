/// A sequential network: layers applied in order, parameters created on first sight of the
/// input shape (PyTorch's default initialisation or He's, seeded).
///
///     let m = try Model([.conv2d(channels: 32, kernel: 3), .relu, .maxpool(size: 2),
///                        .flatten, .linear(units: 10)])
///     try m.summary(input: Shape(c: 1, h: 28, w: 28))   // shapes, parameters, MACs
///
/// A model keeps its weights between `train` calls: training again continues from them.
public final class Model {
  public let layers: [Layer]
  /// The input shape the parameters were built for; nil until built.
  public private(set) var inputShape: Shape?
  /// Every trainable tensor in layer order; empty until built.
  public private(set) var parameters: [Parameter] = []
  /// Per layer: the indices into `parameters` it owns.
  private(set) var parameterIndices: [[Int]] = []
  /// Whether training runs adjacent layers as one kernel where it can (a ReLU inside the conv,
  /// linear or batchnorm before it; batchnorm or a convolution → ReLU → 2×2 max-pool as one
  /// kernel; a ReLU inside the 2×2 max-pool after it). The results
  /// are the same either way (to float rounding); off, `profile` times every layer alone.
  public var fusesLayers = true
  /// How `build` draws the weights; set before the first build (or after `reset`).
  public var initialization: Initialization = .pytorch
  /// Per layer: running statistics (batchnorm layers only).
  private(set) var batchNormStates: [BatchNormState?] = []

  public init(_ layers: [Layer]) throws {
    guard !layers.isEmpty else { throw LearnError.invalidLayer("model: needs at least one layer") }
    for l in layers { try l.validate() }
    self.layers = layers
  }

  public var isBuilt: Bool { inputShape != nil }

  /// The output shape of every layer for an input shape, or the first layer that cannot take it.
  public func shapes(input: Shape) throws -> [Shape] {
    var shape = input
    var out: [Shape] = []
    for (i, layer) in layers.enumerated() {
      do {
        shape = try layer.outputShape(for: shape)
      } catch let e as LearnError {
        throw LearnError.shapeMismatch("layer \(i + 1), \(e.description)")
      }
      out.append(shape)
    }
    return out
  }

  /// Total trainable values for an input shape (without building).
  public func parameterCount(input: Shape) throws -> Int {
    try summary(input: input).reduce(0) { $0 + $1.parameters }
  }

  /// One row per layer: its output shape, trainable values and multiply-accumulates per sample.
  public func summary(input: Shape) throws -> [LayerSummary] {
    let outs = try shapes(input: input)
    var shape = input
    return layers.enumerated().map { i, layer in
      defer { shape = outs[i] }
      return LayerSummary(index: i, layer: layer, outputShape: outs[i],
                          parameters: layer.parameterSizes(input: shape).reduce(0) { $0 + $1.1 },
                          macs: layer.macs(input: shape, output: outs[i]))
    }
  }

  /// Creates and initialises the parameters for `input`; does nothing when already built
  /// for that shape, and throws when built for another.
  ///
  /// Weights and biases as `initialization` says (PyTorch's default unless set to `.he`), drawn
  /// from `seed`; batchnorm γ = 1, β = 0.
  public func build(input: Shape, seed: UInt64) throws {
    if let built = inputShape {
      guard built == input else {
        throw LearnError.shapeMismatch("model was built for input \(built), the data is \(input)")
      }
      return
    }
    _ = try shapes(input: input)
    var random = SeededRandom(seed: seed, stream: 0x1417)
    var shape = input
    var params: [Parameter] = [], indices: [[Int]] = [], states: [BatchNormState?] = []
    for (i, layer) in layers.enumerated() {
      var mine: [Int] = []
      let created = layer.parameterSizes(input: shape).map { Parameter(name: "\(i).\($0.0)", count: $0.1) }
      if case .batchnorm = layer {
        created[0].pointer.update(repeating: 1, count: created[0].count)
      } else if let weight = created.first {
        initialization.fill(weight: weight, bias: created.count > 1 ? created[1] : nil,
                            fanIn: layer.fanIn(input: shape), random: &random)
      }
      for p in created {
        mine.append(params.count)
        params.append(p)
      }
      indices.append(mine)
      if case .batchnorm = layer { states.append(BatchNormState(channels: shape.c)) } else { states.append(nil) }
      shape = try layer.outputShape(for: shape)
    }
    parameters = params
    parameterIndices = indices
    batchNormStates = states
    inputShape = input
  }

  /// Forgets the weights; the next `train` builds fresh ones from its seed.
  public func reset() {
    inputShape = nil
    parameters = []
    parameterIndices = []
    batchNormStates = []
  }

  /// Trainable values in all (0 until built).
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

  /// The output width: classes the model can tell apart.
  public var outputUnits: Int? {
    guard let input = inputShape, let last = try? shapes(input: input).last else { return nil }
    return last.count
  }
}

extension Layer {
  /// Inputs feeding one output value, for initialisation.
  func fanIn(input: Shape) -> Int {
    switch self {
    case let .conv2d(_, k, _, _): return k * k * input.c
    case .linear: return input.count
    default: return 1
    }
  }
}
