/// One thread's share of a step: its own kernels, activation and gradient buffers, sized once
/// for `capacity` samples, so a step allocates nothing.
///
/// Workers read the model's shared parameters and write only their own buffers; the trainer
/// sums their gradients in worker order (so a seed and thread count always give the same run).
final class Worker: @unchecked Sendable {
  let model: Model
  let capacity: Int
  let inputSize: Int
  let classes: Int
  let kernels: [LayerKernel]
  /// The first layer with parameters: backward passes stop there, and only layers after it
  /// compute (and own buffers for) input gradients.
  let firstTrainable: Int
  /// One gradient buffer per model parameter, in `model.parameters` order.
  let gradients: [FloatBuffer]
  let input: FloatBuffer
  let labels: UnsafeMutablePointer<Int32>
  let logitGradient: FloatBuffer
  /// Seconds spent per layer, forward and backward, when `timing` is on (profiling).
  var timing = false
  var forwardSeconds: [Double]
  var backwardSeconds: [Double]
  /// Per layer, the layer whose kernel does its work when fused (its time is booked there),
  /// or nil when it runs on its own.
  let runsIn: [Int?]

  // Results of the last step.
  var loss = 0.0
  var correct = 0

  init(model: Model, capacity: Int) throws {
    guard let inputShape = model.inputShape else {
      throw LearnError.invalidOption("worker: the model has not been built for an input shape")
    }
    self.model = model
    self.capacity = capacity
    inputSize = inputShape.count
    let shapes = try model.shapes(input: inputShape)
    classes = shapes.last!.count
    let grads = model.parameters.map { FloatBuffer(count: $0.count) }
    gradients = grads
    var kernels: [LayerKernel] = []
    var shape = inputShape
    // Layers before the first one with parameters need no input gradient.
    var seenParameters = false
    var fusedAway = 0, blockOwner = 0
    var runsIn = [Int?](repeating: nil, count: model.layers.count)
    for (i, layer) in model.layers.enumerated() {
      let out = shapes[i]
      let idx = model.parameterIndices[i]
      let needs = seenParameters
      if fusedAway > 0 {
        // Run by the batchnorm kernel before it.
        kernels.append(FusedAwayKernel())
        runsIn[i] = blockOwner
        fusedAway -= 1
        shape = shapes[i]
        continue
      }
      func param(_ j: Int) -> Parameter { model.parameters[idx[j]] }
      func grad(_ j: Int) -> FloatBuffer { grads[idx[j]] }
      switch layer {
      case let .conv2d(_, k, s, p):
        let geometry = ConvolutionShape(input: shape, output: out, kernel: k, stride: s, pad: p)
        let algorithm = ConvolutionAlgorithm.chosen(input: shape, kernel: k)
        if algorithm == .im2col { try Gemm.load() }
        // The convolution runs the (ReLU and) 2×2 max-pool after it.
        let block = model.fusesLayers ? Self.poolingBlock(model.layers, after: i, input: out) : nil
        let kernel = algorithm.makeKernel(geometry, capacity: capacity, weight: param(0), bias: param(1),
                                          weightGrad: grad(0), biasGrad: grad(1), needsInputGradient: needs,
                                          pooled: block != nil)
        kernel.fusedReLU = block?.relu ?? false
        fusedAway = block?.layers ?? 0
        blockOwner = i
        kernels.append(kernel)
      case .linear(let u):
        try Gemm.load()
        kernels.append(LinearKernel(inputs: shape.count, units: u, capacity: capacity, weight: param(0),
                                    bias: param(1), weightGrad: grad(0), biasGrad: grad(1), needsInputGradient: needs))
      case .batchnorm:
        let block = model.fusesLayers ? Self.poolingBlock(model.layers, after: i, input: shape) : nil
        kernels.append(BatchNormKernel(shape: shape, capacity: capacity, gamma: param(0), beta: param(1),
                                       gammaGrad: grad(0), betaGrad: grad(1), state: model.batchNormStates[i]!,
                                       pooled: block.map { shapes[i + $0.layers] }, relu: block?.relu ?? false))
        fusedAway = block?.layers ?? 0
        blockOwner = i
      case .relu:
        kernels.append(ReLUKernel(shape: shape, capacity: capacity))
      case let .maxpool(size, stride):
        kernels.append(MaxPoolKernel(input: shape, output: out, size: size, stride: stride ?? size,
                                     capacity: capacity, needsInputGradient: needs, keepsWinners: model.fusesLayers))
      case .flatten:
        kernels.append(FlattenKernel())
      case .dropout(let p):
        kernels.append(DropoutKernel(shape: shape, p: p, capacity: capacity))
      }
      if !idx.isEmpty { seenParameters = true }
      shape = out
    }
    // A ReLU right before a 2×2 max-pool is run by the pool kernel (it clamps the pooled
    // quarter and masks the gradient it routes), so the layer before it need not clamp.
    for i in kernels.indices.dropLast() where model.fusesLayers {
      if kernels[i] is ReLUKernel, let pool = kernels[i + 1] as? MaxPoolKernel, pool.fusesReLU {
        pool.fusedReLU = true
        kernels[i] = FusedAwayKernel()
        runsIn[i] = i + 1
      }
    }
    // A ReLU after a layer that can clamp its own output costs no pass of its own.
    for i in kernels.indices.dropLast() where model.fusesLayers {
      if let producer = kernels[i] as? ReLUFusing, let relu = kernels[i + 1] as? ReLUKernel {
        producer.fusedReLU = true
        relu.passThrough = true
        runsIn[i + 1] = i
      }
    }
    self.kernels = kernels
    self.runsIn = runsIn
    firstTrainable = model.parameterIndices.firstIndex { !$0.isEmpty } ?? kernels.count
    input = FloatBuffer(count: capacity * inputSize)
    labels = .allocate(capacity: capacity)
    labels.initialize(repeating: 0, count: capacity)
    logitGradient = FloatBuffer(count: capacity * classes)
    forwardSeconds = Array(repeating: 0, count: kernels.count)
    backwardSeconds = Array(repeating: 0, count: kernels.count)
  }

  deinit { labels.deallocate() }

  /// The layers after layer `index` (a batchnorm or convolution) that its kernel can run
  /// itself, `input` being that layer's output: an optional ReLU, then
  /// a 2×2 max-pool with stride 2 over a map at least 2×2. Returns how many and whether a ReLU
  /// is among them, or nil.
  static func poolingBlock(_ layers: [Layer], after index: Int, input: Shape) -> (layers: Int, relu: Bool)? {
    guard !input.isVector, input.h >= 2, input.w >= 2 else { return nil }
    var j = index + 1
    let relu = j < layers.count && layers[j] == .relu
    if relu { j += 1 }
    guard j < layers.count, case let .maxpool(size, stride) = layers[j], size == 2, (stride ?? 2) == 2 else { return nil }
    return (j - index, relu)
  }

  /// Gathers samples `order[range]` into the input buffer, as floats, and their labels.
  func load(_ samples: Samples, order: UnsafePointer<Int>, range: Range<Int>) {
    samples.gather(UnsafeBufferPointer(start: order + range.lowerBound, count: range.count), into: input.pointer)
    samples.labels.withUnsafeBufferPointer { source in
      for (j, i) in range.enumerated() { labels[j] = source[order[i]] }
    }
  }

  /// Forward pass over the loaded `n` samples; returns the logits.
  func forward(count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    var x = input.pointer
    for (i, k) in kernels.enumerated() {
      if timing {
        let t0 = Clock.now
        x = k.forward(x, count: n, training: training)
        forwardSeconds[i] += Clock.since(t0)
      } else {
        x = k.forward(x, count: n, training: training)
      }
    }
    return x
  }

  /// Forward, loss and backward over the loaded `n` samples; the loss gradient is scaled by
  /// 1/`batch` (the whole batch across workers), so summed worker gradients are the batch mean.
  func trainStep(count n: Int, batch: Int) {
    let logits = forward(count: n, training: true)
    let r = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels, count: n, classes: classes,
                                         gradient: logitGradient.pointer, scale: 1 / Float(batch))
    loss = r.loss
    correct = r.correct
    var g = logitGradient.pointer
    for i in stride(from: kernels.count - 1, through: firstTrainable, by: -1) {
      if timing {
        let t0 = Clock.now
        g = kernels[i].backward(g, count: n, needInputGradient: i > firstTrainable)
        backwardSeconds[i] += Clock.since(t0)
      } else {
        g = kernels[i].backward(g, count: n, needInputGradient: i > firstTrainable)
      }
    }
  }

  /// Loss and correct count over the loaded `n` samples, without training.
  func evaluateStep(count n: Int) {
    let logits = forward(count: n, training: false)
    let r = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels, count: n, classes: classes,
                                         gradient: nil, scale: 1)
    loss = r.loss
    correct = r.correct
  }

  /// Reseeds the dropout layers for one step, so masks repeat for a seed.
  func reseed(seed: UInt64, step: UInt64, worker: Int) {
    for (i, k) in kernels.enumerated() {
      if let d = k as? DropoutKernel {
        d.random = SeededRandom(seed: seed, stream: step &* 0x10001 &+ UInt64(worker * 131 + i))
      }
    }
  }
}
