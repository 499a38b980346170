import Foundation
import Learn
import Testing

/// The saved file read as PyTorch reads it: a plain NCHW forward pass over the file's tensors,
/// written here from PyTorch's definitions, must give the probabilities joule's `predict` gives.
/// This guards the layouts without needing torch in CI, and fails if joule's own parameter
/// layout ever drifts from what `StateDict` assumes.
@Suite struct PyTorchLayoutTests {
  /// nn.Sequential(Conv2d(3, 9, 3, padding=1), BatchNorm2d(9), ReLU(), MaxPool2d(2, 2),
  /// Flatten(), Linear(144, 96), Linear(96, 4)) in eval mode, on one C×H×W image.
  static func torchForward(_ file: SafeTensors, image: [Float]) throws -> [Float] {
    func t(_ name: String) throws -> [Float] { try #require(file[name]?.floats(), "\(name)") }
    let (ci, h, w, co) = (3, 8, 8, 9)
    let weight = try t("0.weight"), bias = try t("0.bias")
    var conv = [Float](repeating: 0, count: co * h * w)
    for o in 0..<co { for y in 0..<h { for x in 0..<w {
      var s = bias[o]
      for c in 0..<ci { for ky in 0..<3 { for kx in 0..<3 {
        let iy = y + ky - 1, ix = x + kx - 1
        guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
        s += weight[((o * ci + c) * 3 + ky) * 3 + kx] * image[(c * h + iy) * w + ix]
      } } }
      conv[(o * h + y) * w + x] = s
    } } }
    let gamma = try t("1.weight"), beta = try t("1.bias"), mean = try t("1.running_mean"), variance = try t("1.running_var")
    for o in 0..<co { for p in 0..<(h * w) {
      let v = (conv[o * h * w + p] - mean[o]) / (variance[o] + 1e-5).squareRoot() * gamma[o] + beta[o]
      conv[o * h * w + p] = max(v, 0)
    } }
    var pooled = [Float](repeating: 0, count: co * 4 * 4)   // flatten: channel-major
    for o in 0..<co { for y in 0..<4 { for x in 0..<4 {
      pooled[(o * 4 + y) * 4 + x] = [conv[(o * h + 2 * y) * w + 2 * x], conv[(o * h + 2 * y) * w + 2 * x + 1],
                                     conv[(o * h + 2 * y + 1) * w + 2 * x], conv[(o * h + 2 * y + 1) * w + 2 * x + 1]].max()!
    } } }
    func linear(_ x: [Float], _ i: Int, out: Int) throws -> [Float] {
      let wt = try t("\(i).weight"), b = try t("\(i).bias")
      return (0..<out).map { r in (0..<x.count).reduce(b[r]) { $0 + wt[r * x.count + $1] * x[$1] } }
    }
    let logits = try linear(try linear(pooled, 5, out: 96), 6, out: 4)
    let top = logits.max()!
    let e = logits.map { expf($0 - top) }
    return e.map { $0 / e.reduce(0, +) }
  }

  @Test func aPlainPyTorchStyleForwardOverTheFileMatchesPredict() throws {
    let (m, d) = try ModelArchiveTests.trained()
    let file = try SafeTensors.decode(try ModelArchive.encode(m), path: "m.safetensors")
    let joule = try Predictor.probabilities(m, samples: d.test)
    for i in [0, 7, 31] {
      // joule keeps images channels-last; PyTorch wants them channel-major.
      let hwc = d.test.features(i..<(i + 1))
      let chw = (0..<192).map { j in hwc[(j % 64) * 3 + j / 64] }
      let torch = try Self.torchForward(file, image: chw)
      for k in 0..<4 { #expect(abs(torch[k] - joule[i][k]) < 1e-5, "image \(i), class \(k)") }
    }
  }
}
