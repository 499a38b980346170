import Learn
import Testing

/// Every convolution algorithm, under every SIMD build this CPU runs, against a naive
/// reference convolution: forward output and all three gradients.
@Suite struct ConvolutionAlgorithmTests {
  /// One layer shape: input channels, height, width; output channels, kernel, stride, pad; images.
  struct Case: CustomStringConvertible {
    let ci, h, w, co, k, s, p, n: Int
    var input: Shape { Shape(c: ci, h: h, w: w) }
    var layer: Layer { .conv2d(channels: co, kernel: k, stride: s, pad: p) }
    var description: String { "\(ci)×\(h)×\(w) → \(co), k \(k), stride \(s), pad \(p), \(n) images" }
  }

  // Output channels below, at and across vector widths (4, 8, 16 lanes); strides, pads,
  // kernels 2, 3, 5; output rows whose width is not a multiple of the four-pixel block.
  static let cases = [
    Case(ci: 1, h: 6, w: 7, co: 3, k: 3, s: 1, p: 1, n: 2),
    Case(ci: 3, h: 8, w: 8, co: 9, k: 3, s: 1, p: 1, n: 2),
    Case(ci: 2, h: 7, w: 5, co: 17, k: 3, s: 2, p: 0, n: 3),
    Case(ci: 9, h: 5, w: 5, co: 27, k: 3, s: 1, p: 1, n: 2),
    Case(ci: 4, h: 9, w: 9, co: 5, k: 5, s: 2, p: 2, n: 1),
    Case(ci: 10, h: 6, w: 6, co: 20, k: 3, s: 1, p: 1, n: 2),
    Case(ci: 1, h: 4, w: 4, co: 40, k: 2, s: 1, p: 0, n: 2),
    Case(ci: 27, h: 3, w: 3, co: 81, k: 3, s: 1, p: 1, n: 2),
    Case(ci: 2, h: 6, w: 6, co: 2, k: 2, s: 1, p: 0, n: 4),
    // Window rows of whole vectors plus a tail (3 · 20 = 60 values), overlapping windows.
    Case(ci: 20, h: 5, w: 6, co: 8, k: 3, s: 1, p: 1, n: 2),
    Case(ci: 32, h: 7, w: 7, co: 16, k: 3, s: 2, p: 0, n: 2),
  ]

  static func values(_ count: Int, seed: UInt64) -> [Float] {
    var rng = SeededRandom(seed: seed)
    return (0..<count).map { _ in Float(rng.nextUnit() * 2 - 1) }
  }

  /// The definition, loop by loop: y = b + Σ W·x over each window, and its three gradients.
  static func reference(_ c: Case, x: [Float], w: [Float], b: [Float], g: [Float]) throws -> ConvolutionRun {
    let out = try c.layer.outputShape(for: c.input)
    let K = c.k * c.k * c.ci
    var y = [Float](repeating: 0, count: c.n * out.count)
    var dx = [Float](repeating: 0, count: c.n * c.input.count)
    var dw = [Float](repeating: 0, count: c.co * K)
    var db = [Float](repeating: 0, count: c.co)
    for i in 0..<c.n {
      for oy in 0..<out.h {
        for ox in 0..<out.w {
          for o in 0..<c.co {
            let at = ((i * out.h + oy) * out.w + ox) * c.co + o
            var sum = Double(b[o])
            db[o] += g[at]
            for ky in 0..<c.k {
              for kx in 0..<c.k {
                let iy = oy * c.s - c.p + ky, ix = ox * c.s - c.p + kx
                guard iy >= 0, iy < c.h, ix >= 0, ix < c.w else { continue }
                for ci in 0..<c.ci {
                  let xi = ((i * c.h + iy) * c.w + ix) * c.ci + ci
                  let wi = o * K + (ky * c.k + kx) * c.ci + ci
                  sum += Double(w[wi]) * Double(x[xi])
                  dw[wi] += g[at] * x[xi]
                  dx[xi] += g[at] * w[wi]
                }
              }
            }
            y[at] = Float(sum)
          }
        }
      }
    }
    return ConvolutionRun(output: y, inputGradient: dx, weightGradient: dw, biasGradient: db)
  }

  /// Largest |a − b| relative to the reference's largest magnitude (at least 1).
  static func error(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return .infinity }
    let scale = max(1, b.map(abs).max() ?? 0)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
  }

  static func check(_ algorithm: ConvolutionAlgorithm, build: String, relu: Bool = false) throws {
    for (index, c) in cases.enumerated() {
      let out = try c.layer.outputShape(for: c.input)
      let seed = UInt64(index * 10)
      let x = values(c.n * c.input.count, seed: seed), w = values(c.co * c.k * c.k * c.ci, seed: seed + 1)
      let b = values(c.co, seed: seed + 2), g = values(c.n * out.count, seed: seed + 3)
      let want = try reference(c, x: x, w: w, b: b, g: g)
      let got = try SIMDKernels.with(build) {
        try algorithm.run(input: c.input, count: c.n, layer: c.layer, relu: relu, images: x, weight: w, bias: b,
                          outputGradient: g)
      }
      let wantOutput = relu ? want.output.map { max(0, $0) } : want.output
      let what = "\(algorithm) on \(build), \(c)"
      #expect(error(got.output, wantOutput) < 1e-5, "output: \(what)")
      #expect(error(got.biasGradient, want.biasGradient) < 1e-5, "bias gradient: \(what)")
      #expect(error(got.weightGradient, want.weightGradient) < 1e-5, "weight gradient: \(what)")
      #expect(error(got.inputGradient, want.inputGradient) < 1e-5, "input gradient: \(what)")
    }
  }

  @Test(arguments: ConvolutionAlgorithm.allCases)
  func everyAlgorithmMatchesTheReferenceConvolutionOnEverySIMDBuild(_ algorithm: ConvolutionAlgorithm) throws {
    #expect(SIMDKernels.available.contains("portable"))
    for build in SIMDKernels.available { try Self.check(algorithm, build: build) }
  }

  @Test(arguments: ConvolutionAlgorithm.allCases)
  func theFusedReLUClampsEveryAlgorithmsOutput(_ algorithm: ConvolutionAlgorithm) throws {
    try Self.check(algorithm, build: SIMDKernels.available[0], relu: true)
  }

  @Test func fewInputChannelsGoDirectAndManyGoThroughIm2col() {
    #expect(ConvolutionAlgorithm.chosen(input: Shape(c: 1, h: 28, w: 28), kernel: 3) == .direct)
    #expect(ConvolutionAlgorithm.chosen(input: Shape(c: 9, h: 7, w: 7), kernel: 3) == .direct)
    #expect(ConvolutionAlgorithm.chosen(input: Shape(c: 32, h: 13, w: 13), kernel: 3) == .im2col)
  }

  @Test func aBuildThisCPUCannotRunIsRefusedByName() {
    #expect(throws: LearnError.self) { try SIMDKernels.with("sse9") { 0 } }
    #expect(["avx512f", "avx2+fma", "portable"].contains(SIMDKernels.active))
  }
}
