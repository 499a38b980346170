import Foundation
import Learn
import Testing

/// Sums over a whole batch (batchnorm's statistics, a convolution's weight and bias gradients:
/// 512 images × 28 × 28 = 401,408 terms each) keep float's precision, checked against the same
/// sums in Double on real Fashion-MNIST images, under every SIMD build.
///
/// Issue 12: summed in one float accumulator per lane they were 10⁻⁴–10⁻³ off (scripts/pytorch/
/// parity.py measured joule's first-step gradients 100× further from float64 than PyTorch's);
/// folded into Double every few hundred terms they are within ~10⁻⁶.
@Suite struct SummationPrecisionTests {
  static let input = Shape(c: 1, h: 28, w: 28)
  static let kernel: [Float] = [0.21, -0.13, 0.34, 0.05, 0.29, -0.08, 0.17, 0.11, -0.26]
  static let convBias: Float = 0.37   // an offset, as trained convolutions have: what float sums handle worst

  static func images() throws -> Samples { try Dataset.fashionMNIST(train: 512, test: 1).train }

  /// The 3×3, pad-1 convolution of every image, in Double (joule's weight layout is ky·3 + kx).
  static func convolved(_ s: Samples) -> [Double] {
    let h = input.h, w = input.w
    var out = [Double](repeating: 0, count: s.count * h * w)
    let f = s.features   // converted once: the samples hold bytes
    for img in 0..<s.count {
      let x = img * h * w
      for y in 0..<h {
        for xx in 0..<w {
          var v = Double(convBias)
          for ky in 0..<3 {
            for kx in 0..<3 {
              let iy = y + ky - 1, ix = xx + kx - 1
              guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
              v += Double(kernel[ky * 3 + kx]) * Double(f[x + iy * w + ix])
            }
          }
          out[x + y * w + xx] = v
        }
      }
    }
    return out
  }

  static func relativeError(_ a: [Float], _ b: [Double]) -> Double {
    let scale = b.map(abs).max() ?? 1
    return zip(a, b).map { abs(Double($0) - $1) }.max()! / scale
  }

  @Test func batchnormStatisticsOfAFullBatchMatchDouble() throws {
    let s = try Self.images()
    let reference = Self.convolved(s)
    let n = Double(reference.count)
    let mean = reference.reduce(0, +) / n
    let unbiased = reference.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    for build in SIMDKernels.available {
      let m = try Model([.conv2d(channels: 1, kernel: 3, pad: 1), .batchnorm, .flatten, .linear(units: 10)])
      try m.build(input: Self.input, seed: 3)
      m.parameters[0].set(Self.kernel)
      m.parameters[1].set([Self.convBias])
      _ = try SIMDKernels.with(build) { try Trainer.lossAndGradients(m, on: s) }
      // One step from running mean 0 and variance 1 with momentum 0.1 (PyTorch's rule).
      let tensors = Dictionary(uniqueKeysWithValues: try StateDict.tensors(of: m).map { ($0.name, $0) })
      let runningMean = Double(tensors["1.running_mean"]!.floats()![0])
      let runningVar = Double(tensors["1.running_var"]!.floats()![0])
      // Measured: 2–4e-7 relative folded (float's roundings of the conv output, the mean and
      // the momentum step), 6e-5–1.8e-4 with one float accumulator per lane.
      #expect(abs(runningMean - 0.1 * mean) <= 1e-6 * abs(0.1 * mean), "\(build): mean \(runningMean / 0.1) vs \(mean)")
      // 0.9 + 0.1·σ² is stored in float: 6e-8 of 0.9 is the floor.
      #expect(abs(runningVar - (0.9 + 0.1 * unbiased)) <= 2e-7, "\(build): variance \((runningVar - 0.9) / 0.1) vs \(unbiased)")
    }
  }

  @Test func convolutionWeightGradientOverAFullBatchMatchesDouble() throws {
    let s = try Self.images()
    let conv = Self.convolved(s)
    let h = Self.input.h, w = Self.input.w, pixels = h * w, classes = 10
    // Linear weights from a fixed pattern, so the reference needs no random numbers.
    let linear = (0..<(classes * pixels)).map { Float(sin(Double($0) * 0.7)) * 0.02 }
    let linearBias = (0..<classes).map { Float($0) * 0.01 }
    // Reference: logits, softmax, ∂loss/∂conv output (mean loss), then ∂W and ∂b of the conv.
    var gw = [Double](repeating: 0, count: 9), gb = 0.0
    let f = s.features   // converted once: the samples hold bytes
    for img in 0..<s.count {
      let x = img * pixels
      var logits = (0..<classes).map { u in
        (0..<pixels).reduce(Double(linearBias[u])) { $0 + Double(linear[u * pixels + $1]) * conv[x + $1] }
      }
      let top = logits.max()!
      logits = logits.map { exp($0 - top) }
      let total = logits.reduce(0, +)
      let g = (0..<classes).map { u in (logits[u] / total - (u == Int(s.labels[img]) ? 1 : 0)) / Double(s.count) }
      for j in 0..<pixels {
        let d = (0..<classes).reduce(0.0) { $0 + Double(linear[$1 * pixels + j]) * g[$1] }
        gb += d
        let y = j / w, xx = j % w
        for ky in 0..<3 {
          for kx in 0..<3 {
            let iy = y + ky - 1, ix = xx + kx - 1
            guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
            gw[ky * 3 + kx] += d * Double(f[x + iy * w + ix])
          }
        }
      }
    }
    for build in SIMDKernels.available {
      let m = try Model([.conv2d(channels: 1, kernel: 3, pad: 1), .flatten, .linear(units: classes)])
      try m.build(input: Self.input, seed: 3)
      m.parameters[0].set(Self.kernel)
      m.parameters[1].set([Self.convBias])
      m.parameters[2].set(linear)
      m.parameters[3].set(linearBias)
      let grads = try SIMDKernels.with(build) { try Trainer.lossAndGradients(m, on: s).gradients }
      // Measured: 0.9–1.1e-6 folded, 1.6e-5 with one float accumulator per lane.
      #expect(Self.relativeError(grads[0], gw) <= 4e-6, "\(build): weight gradient \(grads[0]) vs \(gw)")
      // The bias gradient cancels to ~1/100 of its terms, so the terms' own float rounding
      // sets its floor: 3–9e-6 folded, 3–8e-5 before.
      #expect(Self.relativeError(grads[1], [gb]) <= 2e-5, "\(build): bias gradient \(grads[1]) vs \(gb)")
    }
  }
}
