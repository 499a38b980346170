import Learn
import Testing

/// Weights start as PyTorch's layers start them, or as He et al. when asked by name.
@Suite struct InitializationTests {
  @Test func pytorchDefaultDrawsWeightsAndBiasesUniformWithinOneOverRootFanIn() throws {
    let m = try Model([.conv2d(channels: 16, kernel: 3), .flatten, .linear(units: 10)])
    #expect(m.initialization == .pytorch)
    try m.build(input: Shape(c: 4, h: 6, w: 6), seed: 1)
    let fans = [36, 36, 16 * 4 * 4, 16 * 4 * 4]  // conv weight, bias: 3·3·4; linear: 16·4·4
    for (p, fan) in zip(m.parameters, fans) {
      let bound = Float(1 / Double(fan).squareRoot()), v = p.values
      #expect(v.allSatisfy { abs($0) <= bound }, "\(p.name) outside ±\(bound)")
      // Uniform on ±b: the largest draws come near the bound, and no bias is left at zero.
      #expect(v.map(abs).max()! > 0.8 * bound, "\(p.name)")
      #expect(v.filter { $0 == 0 }.isEmpty, "\(p.name)")
    }
  }

  @Test func heDrawsNormalWeightsWithVarianceTwoOverFanInAndZeroBiases() throws {
    let m = try Model([.flatten, .linear(units: 200)])
    m.initialization = .he
    try m.build(input: .vector(50), seed: 2)
    let w = m.parameters[0].values.map(Double.init)
    let variance = w.map { $0 * $0 }.reduce(0, +) / Double(w.count)
    #expect(abs(variance - 2.0 / 50) < 0.1 * 2.0 / 50, "variance \(variance)")
    #expect(w.map(abs).max()! > 2 * (1 / 50.0).squareRoot())  // tails beyond a uniform's bound
    #expect(m.parameters[1].values.allSatisfy { $0 == 0 })
  }

  @Test func batchnormStartsAtUnitScaleAndZeroShiftUnderBoth() throws {
    for i in Initialization.allCases {
      let m = try Model([.conv2d(channels: 3, kernel: 3), .batchnorm, .flatten, .linear(units: 2)])
      m.initialization = i
      try m.build(input: Shape(c: 1, h: 5, w: 5), seed: 0)
      #expect(m.parameters[2].values == [1, 1, 1] && m.parameters[3].values == [0, 0, 0])
    }
  }
}
