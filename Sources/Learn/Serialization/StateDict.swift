/// A built model's tensors under PyTorch's `state_dict` names and layouts, for the
/// `nn.Sequential` that `PyTorchSource` writes out.
///
///     let tensors = try StateDict.tensors(of: model)     // "0.weight" [3, 1, 3, 3], "0.bias" [3], ...
///     try StateDict.load(tensors, into: model)           // the reverse, checked name by name
///
/// joule keeps activations channels-last, so two layouts differ from PyTorch's and are permuted
/// here (the kernels keep theirs): conv weights are out×kh×kw×in in joule, out×in×kh×kw in
/// PyTorch; and a linear layer fed a flattened C×H×W map sees its inputs in (y, x, c) order in
/// joule but (c, y, x) in PyTorch, so its columns (and a batchnorm between) are reordered.
public enum StateDict {
  /// One tensor of the state dict: where its values sit among joule's.
  struct Slot {
    var name: String
    var shape: [Int]
    /// PyTorch's element t is joule's element `order[t]`; nil when they agree.
    var order: [Int]?
    var source: Source
  }

  enum Source {
    case parameter(Int)
    case runningMean(Int), runningVariance(Int)
    case batchesTracked
  }

  /// Every state-dict tensor of a built model, in PyTorch's order.
  static func slots(of model: Model) throws -> [Slot] {
    guard let input = model.inputShape else {
      throw LearnError.invalidOption("the model has no weights yet; train it first")
    }
    var shape = input
    var features: [Int]? = nil  // PyTorch's feature order of a flattened map, in joule's indices
    var slots: [Slot] = []
    let outs = try model.shapes(input: input)
    for (i, layer) in model.layers.enumerated() {
      let idx = model.parameterIndices[i]
      switch layer {
      case let .conv2d(c, k, _, _):
        let ci = shape.c
        var order = [Int](repeating: 0, count: c * ci * k * k)
        for o in 0..<c { for ch in 0..<ci { for ky in 0..<k { for kx in 0..<k {
          order[((o * ci + ch) * k + ky) * k + kx] = o * (k * k * ci) + (ky * k + kx) * ci + ch
        } } } }
        slots.append(Slot(name: "\(i).weight", shape: [c, ci, k, k], order: order, source: .parameter(idx[0])))
        slots.append(Slot(name: "\(i).bias", shape: [c], order: nil, source: .parameter(idx[1])))
        features = nil
      case .batchnorm:
        let c = shape.c
        let order = shape.isVector ? features : nil
        slots.append(Slot(name: "\(i).weight", shape: [c], order: order, source: .parameter(idx[0])))
        slots.append(Slot(name: "\(i).bias", shape: [c], order: order, source: .parameter(idx[1])))
        slots.append(Slot(name: "\(i).running_mean", shape: [c], order: order, source: .runningMean(i)))
        slots.append(Slot(name: "\(i).running_var", shape: [c], order: order, source: .runningVariance(i)))
        slots.append(Slot(name: "\(i).num_batches_tracked", shape: [], order: nil, source: .batchesTracked))
      case .linear(let u):
        let n = shape.count
        let columns = shape.isVector ? features : spatialOrder(shape)
        var order: [Int]? = nil
        if let columns {
          var o = [Int](repeating: 0, count: u * n)
          for r in 0..<u { for j in 0..<n { o[r * n + j] = r * n + columns[j] } }
          order = o
        }
        slots.append(Slot(name: "\(i).weight", shape: [u, n], order: order, source: .parameter(idx[0])))
        slots.append(Slot(name: "\(i).bias", shape: [u], order: nil, source: .parameter(idx[1])))
        features = nil
      case .flatten:
        if !shape.isVector { features = spatialOrder(shape) }
      case .maxpool:
        features = nil
      case .relu, .dropout:
        break
      }
      shape = outs[i]
    }
    return slots
  }

  /// PyTorch's flatten order of a C×H×W map: element ch·H·W + y·W + x is joule's (y·W + x)·C + ch.
  static func spatialOrder(_ s: Shape) -> [Int] {
    var order = [Int](repeating: 0, count: s.count)
    for ch in 0..<s.c { for y in 0..<s.h { for x in 0..<s.w {
      order[(ch * s.h + y) * s.w + x] = (y * s.w + x) * s.c + ch
    } } }
    return order
  }

  /// The model's tensors in PyTorch's names, layouts and order. joule does not count batches
  /// (its momentum is fixed at 0.1), so num_batches_tracked is 0.
  public static func tensors(of model: Model) throws -> [SafeTensors.Tensor] {
    try slots(of: model).map { slot in
      guard let storage = buffer(slot.source, model) else {
        return SafeTensors.Tensor(name: slot.name, shape: [], int64s: [0])   // num_batches_tracked
      }
      let values = storage.array
      let torch = slot.order.map { o in o.map { values[$0] } } ?? values
      return SafeTensors.Tensor(name: slot.name, shape: slot.shape, floats: torch)
    }
  }

  /// Writes PyTorch-layout tensors into a built model; every tensor must be there, with its
  /// shape, and no other.
  public static func load(_ tensors: [SafeTensors.Tensor], into model: Model, path: String) throws {
    func bad(_ fault: String) -> LearnError { .badFile(path: path, fault: fault) }
    let byName = Dictionary(tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let slots = try slots(of: model)
    let expected = Set(slots.map(\.name))
    if let extra = tensors.map(\.name).first(where: { !expected.contains($0) }) {
      throw bad("tensor \(extra) has no place in the model's architecture")
    }
    for slot in slots {
      guard let t = byName[slot.name] else { throw bad("tensor \(slot.name) is missing") }
      guard t.shape == slot.shape || (slot.shape.isEmpty && t.elementCount == 1) else {
        throw bad("tensor \(slot.name) has shape \(t.shape), the architecture needs \(slot.shape)")
      }
      guard let target = buffer(slot.source, model) else { continue }   // num_batches_tracked: not kept
      guard let values = t.floats() else {
        throw bad("tensor \(slot.name) is \(t.dtype.rawValue); joule reads weights as F32 or F64")
      }
      if let order = slot.order {
        for (torchIndex, jouleIndex) in order.enumerated() { target.pointer[jouleIndex] = values[torchIndex] }
      } else {
        for (j, v) in values.enumerated() { target.pointer[j] = v }
      }
    }
  }

  /// Where a tensor's values live in the model; nil for num_batches_tracked, which joule does not keep.
  static func buffer(_ source: Source, _ model: Model) -> FloatBuffer? {
    switch source {
    case .parameter(let p): return model.parameters[p].storage
    case .runningMean(let layer): return model.batchNormStates[layer]?.runningMean
    case .runningVariance(let layer): return model.batchNormStates[layer]?.runningVariance
    case .batchesTracked: return nil
    }
  }
}
