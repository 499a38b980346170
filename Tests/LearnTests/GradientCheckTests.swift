import Learn
import Testing

/// Every layer's backward pass against central finite differences of the loss.
///
/// Each network puts a layer with parameters before the layer under test, so the checked
/// parameter gradients flow back through that layer's input gradient too. Float32 forward
/// passes limit the finite differences to about three digits: h = 1e-2 and a tolerance of
/// 2e-3 + 5% of the gradient.
@Suite struct GradientCheckTests {
  /// A small random batch of `shape` with labels below `classes`.
  static func batch(_ shape: Shape, count: Int, classes: Int, seed: UInt64) throws -> Samples {
    var rng = SeededRandom(seed: seed)
    let features = (0..<(count * shape.count)).map { _ in Float(rng.nextUnit() * 2 - 1) }
    let labels = (0..<count).map { _ in Int32(rng.next() % UInt64(classes)) }
    return try Samples(shape: shape, features: features, labels: labels)
  }

  /// Largest violation of |numeric − analytic| ≤ 2e-3 + 0.05·|analytic| over up to
  /// `perParameter` entries of each parameter (0 means all pass).
  static func check(_ layers: [Layer], input: Shape, classes: Int = 3, count: Int = 4,
                    perParameter: Int = 12, h: Float = 1e-2,
                    initialization: Initialization = .pytorch) throws -> (worst: Double, checked: Int) {
    let model = try Model(layers)
    model.initialization = initialization
    let samples = try batch(input, count: count, classes: classes, seed: 7)
    let (_, grads) = try Trainer.lossAndGradients(model, on: samples, seed: 3)
    var worst = 0.0, checked = 0
    for (pi, p) in model.parameters.enumerated() {
      let stride = max(1, p.count / perParameter)
      for j in Swift.stride(from: 0, to: p.count, by: stride) {
        let saved = p.pointer[j]
        p.pointer[j] = saved + h
        let plus = try Trainer.lossAndGradients(model, on: samples, seed: 3).loss
        p.pointer[j] = saved - h
        let minus = try Trainer.lossAndGradients(model, on: samples, seed: 3).loss
        p.pointer[j] = saved
        let numeric = (plus - minus) / Double(2 * h)
        let analytic = Double(grads[pi][j])
        let excess = abs(numeric - analytic) - (2e-3 + 0.05 * abs(analytic))
        worst = max(worst, excess)
        checked += 1
      }
    }
    return (worst, checked)
  }

  @Test func linearGradientsMatchFiniteDifferences() throws {
    let r = try Self.check([.linear(units: 5), .linear(units: 3)], input: .vector(6))
    #expect(r.worst <= 0, "worst excess \(r.worst)")
    #expect(r.checked > 20)
  }

  @Test func softmaxCrossEntropyGradientMatchesFiniteDifferences() throws {
    let r = try Self.check([.linear(units: 4)], input: .vector(3), classes: 4, count: 6)
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  @Test func conv2dGradientsMatchFiniteDifferencesOnTheIm2colPath() throws {
    // Ten input channels (a 90-value window) take the im2col + sgemm path; pad and stride
    // exercise col2im's edges.
    let r = try Self.check([.linear(units: 10 * 5 * 5), .conv2d(channels: 3, kernel: 3, stride: 2, pad: 1),
                            .flatten, .linear(units: 3)], input: Shape(c: 10, h: 5, w: 5), perParameter: 8)
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  @Test func conv2dGradientsMatchFiniteDifferencesOnTheDirectPath() throws {
    // Few input channels go direct; the second and third layers' input gradients flow back.
    let r = try Self.check([.conv2d(channels: 4, kernel: 3, pad: 1), .conv2d(channels: 1, kernel: 2),
                            .conv2d(channels: 2, kernel: 2, stride: 2), .flatten, .linear(units: 3)],
                           input: Shape(c: 1, h: 6, w: 6))
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  @Test func batchnormGradientsMatchFiniteDifferences() throws {
    let r = try Self.check([.conv2d(channels: 3, kernel: 2), .batchnorm, .flatten, .linear(units: 3)],
                           input: Shape(c: 2, h: 4, w: 4), count: 5)
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  // ReLU and max-pool have kinks: a small step keeps the finite difference on one side.
  @Test func reluGradientsMatchFiniteDifferences() throws {
    let r = try Self.check([.conv2d(channels: 3, kernel: 3), .relu, .flatten, .linear(units: 3)],
                           input: Shape(c: 2, h: 5, w: 5), h: 2e-3)
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  @Test func maxpoolGradientsMatchFiniteDifferences() throws {
    // 7×7 into 2×2 windows leaves a last row and column that no window reads.
    let r = try Self.check([.conv2d(channels: 3, kernel: 2), .maxpool(size: 2), .flatten, .linear(units: 3)],
                           input: Shape(c: 2, h: 8, w: 8), h: 2e-3)
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  // He's weights: PyTorch's default ones put two values of one window of this batch within
  // ~1e-5 of each other, a kink no Float32 finite difference steps over (other batches pass
  // under both initialisations).
  @Test func overlappingMaxpoolGradientsMatchFiniteDifferences() throws {
    let r = try Self.check([.conv2d(channels: 2, kernel: 2), .maxpool(size: 3, stride: 1), .flatten,
                            .linear(units: 3)], input: Shape(c: 2, h: 6, w: 6), h: 2e-3, initialization: .he)
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  @Test func dropoutGradientsMatchFiniteDifferencesWithFixedMasks() throws {
    let r = try Self.check([.linear(units: 8), .dropout(p: 0.5), .linear(units: 3)], input: .vector(5))
    #expect(r.worst <= 0, "worst excess \(r.worst)")
  }

  @Test func gradientCheckCatchesAWrongGradient() throws {
    // The check itself can fail: a loss with a doubled weight disagrees with the gradient.
    let model = try Model([.linear(units: 3)])
    let samples = try Self.batch(.vector(4), count: 4, classes: 3, seed: 1)
    let (_, grads) = try Trainer.lossAndGradients(model, on: samples)
    let p = model.parameters[0]
    let saved = p.pointer[0]
    p.pointer[0] = saved + 0.01
    let plus = try Trainer.lossAndGradients(model, on: samples).loss
    p.pointer[0] = saved - 0.01
    let minus = try Trainer.lossAndGradients(model, on: samples).loss
    let numeric = (plus - minus) / 0.02
    #expect(abs(numeric - 2 * Double(grads[0][0])) > 1e-3 || abs(grads[0][0]) < 1e-6)
  }
}
