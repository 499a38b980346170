/// One convolution's forward and backward results on plain arrays.
public struct ConvolutionRun {
  /// n × oh × ow × channels, channels-last.
  public let output: [Float]
  /// n × ih × iw × input channels.
  public let inputGradient: [Float]
  /// channels × (k · k · input channels), the stored layout.
  public let weightGradient: [Float]
  public let biasGradient: [Float]

  public init(output: [Float], inputGradient: [Float], weightGradient: [Float], biasGradient: [Float]) {
    self.output = output
    self.inputGradient = inputGradient
    self.weightGradient = weightGradient
    self.biasGradient = biasGradient
  }
}

extension ConvolutionAlgorithm {
  /// Runs this algorithm once forward and once backward on one thread, outside any model: for
  /// checking each algorithm against a reference and timing it on one layer shape.
  ///
  ///     let r = try ConvolutionAlgorithm.direct.run(input: Shape(c: 3, h: 8, w: 8), count: 2,
  ///                                                 layer: .conv2d(channels: 9, kernel: 3, pad: 1),
  ///                                                 images: x, weight: w, bias: b, outputGradient: g)
  ///
  /// `relu` applies the fused ReLU to the output (the gradient is taken as given).
  public func run(input: Shape, count n: Int, layer: Layer, relu: Bool = false, images: [Float], weight: [Float],
                  bias: [Float], outputGradient: [Float]) throws -> ConvolutionRun {
    guard case let .conv2d(channels, k, s, p) = layer else {
      throw LearnError.invalidLayer("convolution run: \(layer) is not a convolution")
    }
    try layer.validate()
    let output = try layer.outputShape(for: input)
    let shape = ConvolutionShape(input: input, output: output, kernel: k, stride: s, pad: p)
    func check(_ what: String, _ got: Int, _ want: Int) throws {
      guard got == want else { throw LearnError.shapeMismatch("convolution run: \(what) has \(got) values, needs \(want)") }
    }
    try check("images", images.count, n * input.count)
    try check("weight", weight.count, channels * shape.rowLength)
    try check("bias", bias.count, channels)
    try check("outputGradient", outputGradient.count, n * output.count)
    let w = Parameter(name: "weight", count: weight.count), b = Parameter(name: "bias", count: channels)
    w.set(weight)
    b.set(bias)
    let gw = FloatBuffer(count: weight.count), gb = FloatBuffer(count: channels)
    let kernel = makeKernel(shape, capacity: n, weight: w, bias: b, weightGrad: gw, biasGrad: gb,
                            needsInputGradient: true)
    kernel.fusedReLU = relu
    let x = FloatBuffer(count: images.count), g = FloatBuffer(count: outputGradient.count)
    for i in images.indices { x.pointer[i] = images[i] }
    for i in outputGradient.indices { g.pointer[i] = outputGradient[i] }
    let y = kernel.forward(x.pointer, count: n, training: true)
    let out = Array(UnsafeBufferPointer(start: y, count: n * output.count))
    let dx = kernel.backward(g.pointer, count: n, needInputGradient: true)
    return ConvolutionRun(output: out, inputGradient: Array(UnsafeBufferPointer(start: dx, count: n * input.count)),
                          weightGradient: gw.array, biasGradient: gb.array)
  }
}
