import Foundation
import Learn
import Testing

/// The paper's block (conv → batchnorm → ReLU → max-pool) over a full batch of real images
/// gives batchnorm's β gradient as Double does, under every SIMD build.
///
/// Issue 12: the first batchnorm's β gradient was 3·10⁻⁴ (SimpleCNN(1, 3)) to 4·10⁻³
/// (SimpleCNN(4, 3)) from float64 after one step, where PyTorch's was 10⁻⁷. Summing the
/// gradient in double changed nothing: the error came from the forward pass. β's gradient sums
/// the pooled gradient over the windows whose winner the ReLU passed, so it depends on the sign
/// of x − mean at every pixel; Fashion-MNIST's quantised pixels put many convolution outputs at
/// the same few values, and a batch mean a few 10⁻⁷ off moved enough of them across zero.
/// Folding the mean's float accumulators into double every 32 vectors (was 256) brought it to
/// PyTorch's 10⁻⁷ (scripts/parity-torch).
@Suite struct BatchNormBetaGradientPrecisionTests {
  static let side = 28, channels = 3, classes = 10
  /// Three fixed 3×3 kernels (joule's layout: output channel, then ky·3 + kx) and biases.
  static let kernels: [Float] = (0..<27).map { Float(sin(Double($0) * 1.3)) * 0.3 }
  static let biases: [Float] = [0.37, -0.12, 0.05]

  /// ∂loss/∂β per channel in Double: convolution, batch statistics, normalisation, ReLU,
  /// 2×2 max-pool, linear layer, mean cross-entropy.
  static func betaGradient(features f: [Float], labels: [Int32], linear: [Float], linearBias: [Float]) -> [Double] {
    let n = labels.count, h = side, w = side, c = channels, oh = h / 2
    var x = [Double](repeating: 0, count: n * h * w * c)
    for img in 0..<n {
      for y in 0..<h {
        for xx in 0..<w {
          for o in 0..<c {
            var v = Double(biases[o])
            for ky in 0..<3 {
              for kx in 0..<3 {
                let iy = y + ky - 1, ix = xx + kx - 1
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                v += Double(kernels[o * 9 + ky * 3 + kx]) * Double(f[img * h * w + iy * w + ix])
              }
            }
            x[((img * h + y) * w + xx) * c + o] = v
          }
        }
      }
    }
    let count = Double(n * h * w)
    var mean = [Double](repeating: 0, count: c), variance = [Double](repeating: 0, count: c)
    for (i, v) in x.enumerated() { mean[i % c] += v / count }
    for (i, v) in x.enumerated() { variance[i % c] += (v - mean[i % c]) * (v - mean[i % c]) / count }
    let inv = variance.map { 1 / ($0 + 1e-5).squareRoot() }
    let width = oh * oh * c
    var beta = [Double](repeating: 0, count: c)
    for img in 0..<n {
      // Pooled ReLU outputs, flattened channels-last as joule's flatten reads them.
      var pooled = [Double](repeating: 0, count: width)
      for py in 0..<oh {
        for px in 0..<oh {
          for o in 0..<c {
            var best = -Double.infinity
            for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
              let v = (x[((img * h + 2 * py + dy) * w + 2 * px + dx) * c + o] - mean[o]) * inv[o]
              best = max(best, max(v, 0))
            }
            pooled[(py * oh + px) * c + o] = best
          }
        }
      }
      var logits = (0..<classes).map { u in
        (0..<width).reduce(Double(linearBias[u])) { $0 + Double(linear[u * width + $1]) * pooled[$1] }
      }
      let top = logits.max()!
      logits = logits.map { exp($0 - top) }
      let total = logits.reduce(0, +)
      let g = (0..<classes).map { u in (logits[u] / total - (u == Int(labels[img]) ? 1 : 0)) / Double(n) }
      for j in 0..<width where pooled[j] > 0 {
        beta[j % c] += (0..<classes).reduce(0.0) { $0 + Double(linear[$1 * width + j]) * g[$1] }
      }
    }
    return beta
  }

  @Test func firstBatchnormBetaGradientOverAFullBatchMatchesDouble() throws {
    let s = try Dataset.fashionMNIST(train: 512, test: 1).train
    let width = (Self.side / 2) * (Self.side / 2) * Self.channels
    let linear = (0..<(Self.classes * width)).map { Float(sin(Double($0) * 0.7)) * 0.02 }
    let linearBias = (0..<Self.classes).map { Float($0) * 0.01 }
    let reference = Self.betaGradient(features: s.features, labels: s.labels, linear: linear, linearBias: linearBias)
    let scale = reference.map(abs).max()!
    for build in SIMDKernels.available {
      let m = try Model([.conv2d(channels: Self.channels, kernel: 3, pad: 1), .batchnorm, .relu,
                         .maxpool(size: 2), .flatten, .linear(units: Self.classes)])
      try m.build(input: Shape(c: 1, h: Self.side, w: Self.side), seed: 3)
      m.parameters[0].set(Self.kernels)
      m.parameters[1].set(Self.biases)
      m.parameters[4].set(linear)
      m.parameters[5].set(linearBias)
      let grads = try SIMDKernels.with(build) { try Trainer.lossAndGradients(m, on: s).gradients }
      let error = zip(grads[3], reference).map { abs(Double($0) - $1) }.max()! / scale
      // Measured: 2.5–2.8e-7 folding every 32 vectors, 1.2–2.0e-6 every 256 (relative to the
      // largest channel's gradient).
      #expect(error <= 6e-7, "\(build): β gradient \(grads[3]) vs \(reference), relative error \(error)")
    }
  }
}
