import Learn
import Testing

/// The fused kernels (ReLU inside conv/linear/batchnorm; batchnorm → ReLU → max-pool as one
/// pass) against the same layers run one by one, forward and backward.
@Suite struct FusedBlockTests {
  /// Loss and every gradient of `layers` on one batch, fused and unfused, with equal weights.
  static func compare(_ layers: [Layer], input: Shape, count: Int = 6, samples given: Samples? = nil,
                      adjust: (Model) -> Void = { _ in }) throws
    -> (loss: (Double, Double), gradients: [([Float], [Float])], eval: (Double, Double))
  {
    let samples = try given ?? GradientCheckTests.batch(input, count: count, classes: 3, seed: 21)
    let fused = try Model(layers), plain = try Model(layers)
    plain.fusesLayers = false
    try fused.build(input: input, seed: 4)
    try plain.build(input: input, seed: 4)
    for (a, b) in zip(fused.parameters, plain.parameters) { b.set(a.values) }
    // Non-trivial γ and β, so that batchnorm's affine terms matter in both directions.
    for (i, (a, b)) in zip(fused.parameters, plain.parameters).enumerated() where a.name.hasSuffix("weight") && a.count < 8 {
      let v = (0..<a.count).map { Float(0.5 + 0.3 * Double(($0 + i) % 3)) }
      a.set(v)
      b.set(v)
    }
    adjust(fused)
    adjust(plain)
    let f = try Trainer.lossAndGradients(fused, on: samples, seed: 1)
    let p = try Trainer.lossAndGradients(plain, on: samples, seed: 1)
    let fe = try Trainer.evaluate(fused, on: samples, threads: 1).loss
    let pe = try Trainer.evaluate(plain, on: samples, threads: 1).loss
    return ((f.loss, p.loss), Array(zip(f.gradients, p.gradients)), (fe, pe))
  }

  static func relative(_ a: [Float], _ b: [Float]) -> Float {
    let scale = max(b.map(abs).max() ?? 0, 1e-6)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
  }

  /// Runs `compare` under every SIMD build this CPU has (one thread: the builds are chosen per thread).
  static func expectCloseOnEveryBuild(_ layers: [Layer], input: Shape, samples: Samples? = nil,
                                      adjust: (Model) -> Void = { _ in }) throws {
    for build in SIMDKernels.available {
      expectClose(try SIMDKernels.with(build) { try compare(layers, input: input, samples: samples, adjust: adjust) })
    }
  }

  static func expectClose(_ r: (loss: (Double, Double), gradients: [([Float], [Float])], eval: (Double, Double))) {
    #expect(abs(r.loss.0 - r.loss.1) <= 1e-4 * abs(r.loss.1), "training loss \(r.loss)")
    #expect(abs(r.eval.0 - r.eval.1) <= 1e-4 * abs(r.eval.1), "evaluation loss \(r.eval)")
    for (i, (a, b)) in r.gradients.enumerated() {
      #expect(a.count == b.count)
      let scale = b.map(abs).max() ?? 0
      if scale < 1e-5 {
        // A bias right before batchnorm: its gradient is zero up to rounding on both sides.
        #expect(a.map(abs).max() ?? 0 < 1e-5, "gradient \(i) should vanish: \(a)")
      } else {
        #expect(relative(a, b) <= 1e-4, "gradient \(i): relative error \(relative(a, b)) of \(scale)")
      }
    }
  }

  @Test func theConvBatchnormReLUMaxpoolBlockMatchesTheLayersOneByOne() throws {
    // Odd maps (7×7, 3×3) leave a row and column outside every window; the second block has no ReLU.
    let layers: [Layer] = [.conv2d(channels: 4, kernel: 3, pad: 1), .batchnorm, .relu, .maxpool(size: 2),
                           .conv2d(channels: 9, kernel: 3, pad: 1), .batchnorm, .maxpool(size: 2),
                           .flatten, .linear(units: 3)]
    #expect(try Self.compare(layers, input: Shape(c: 2, h: 7, w: 7)).gradients.count == 10)
    try Self.expectCloseOnEveryBuild(layers, input: Shape(c: 2, h: 7, w: 7))
  }

  @Test func thePapersSimpleCNNBlockMatchesTheLayersOneByOne() throws {
    let model = try PaperNetworks.simpleCNN(conv: 2, linear: 2, input: Shape(c: 1, h: 12, w: 12), classes: 3)
    try Self.expectCloseOnEveryBuild(model.layers, input: Shape(c: 1, h: 12, w: 12))
  }

  @Test func biasAndReLUFusedIntoConvAndLinearMatchTheLayersOneByOne() throws {
    try Self.expectCloseOnEveryBuild([.conv2d(channels: 5, kernel: 3), .relu, .conv2d(channels: 12, kernel: 3),
                                      .relu, .flatten, .linear(units: 7), .relu, .linear(units: 3)],
                                     input: Shape(c: 3, h: 8, w: 8))
  }

  @Test func reLUBeforeMaxpoolFusedIntoThePoolMatchesTheLayersOneByOne() throws {
    // 13×13 → 11×11 → pool 5×5 and 3×3 → pool 1×1 leave a row and column outside every window;
    // 5 and 20 channels end inside a vector on every build (16, 8 and 4 lanes).
    try Self.expectCloseOnEveryBuild([.conv2d(channels: 5, kernel: 3), .relu, .maxpool(size: 2),
                                      .conv2d(channels: 20, kernel: 3), .relu, .maxpool(size: 2),
                                      .flatten, .linear(units: 6), .relu, .linear(units: 3)],
                                     input: Shape(c: 1, h: 13, w: 13))
  }

  @Test func anIm2colConvolutionWithItsPoolFusedMatchesTheLayersOneByOne() throws {
    // Windows of 90 values (3×3 over 10 channels) go through im2col; 7×7 maps pool to 3×3,
    // leaving a row and column no window holds; padding and a second such layer that needs
    // its input gradient; 12 channels end inside a 16- and an 8-lane vector.
    try Self.expectCloseOnEveryBuild([.conv2d(channels: 10, kernel: 3, pad: 1), .relu,
                                      .conv2d(channels: 12, kernel: 3, pad: 1), .relu, .maxpool(size: 2),
                                      .conv2d(channels: 12, kernel: 3, pad: 1), .maxpool(size: 2),
                                      .flatten, .linear(units: 3)],
                                     input: Shape(c: 2, h: 14, w: 14))
  }

  @Test func theReferenceCNNWithItsPoolsFusedMatchesTheLayersOneByOne() throws {
    // scripts/bench-train's reference CNN at its own sizes: 28 → 26 → 13 → 11 → 5.
    try Self.expectCloseOnEveryBuild([.conv2d(channels: 32, kernel: 3), .relu, .maxpool(size: 2),
                                      .conv2d(channels: 64, kernel: 3), .relu, .maxpool(size: 2), .flatten,
                                      .linear(units: 128), .relu, .linear(units: 10)],
                                     input: Shape(c: 1, h: 28, w: 28))
  }

  @Test func tiedWindowsSendTheGradientToTheFirstMaximumAsTheLayersOneByOneDo() throws {
    // A 1×1 convolution that reads only channel 0, whose pixels come from {0, 0.5, 1}: equal
    // pixels give equal outputs, so most windows hold ties. Channel 1 is noise the output
    // ignores (zero weights) but its weight gradient sums over the winning pixels, so it
    // differs if any other than the first maximal value wins. With and without a ReLU before
    // the pool; channels below and above one vector.
    let input = Shape(c: 2, h: 6, w: 6)
    var rng = SeededRandom(seed: 5)
    let features = (0..<(8 * input.count)).map { i in i % 2 == 0 ? Float(rng.next() % 3) / 2 : Float(rng.nextUnit()) }
    let labels = (0..<8).map { _ in Int32(rng.next() % 3) }
    let samples = try Samples(shape: input, features: features, labels: labels)
    func ignoreChannel1(_ m: Model) {
      let w = m.parameters[0]
      for o in 0..<(w.count / 2) { w.pointer[2 * o + 1] = 0 }
    }
    for channels in [3, 17] {
      for relu in [false, true] {
        let layers: [Layer] = [.conv2d(channels: channels, kernel: 1)] + (relu ? [.relu] : []) +
          [.maxpool(size: 2), .flatten, .linear(units: 3)]
        try Self.expectCloseOnEveryBuild(layers, input: input, samples: samples, adjust: ignoreChannel1)
      }
    }
  }
}
