import Learn
import Testing

/// The paper's networks as issue 3 and shared/paper.md define them for 28×28×1 inputs.
@Suite struct PaperNetworksTests {
  static func widths(_ m: Model) -> [Int] {
    m.layers.compactMap { if case .linear(let u) = $0 { return u } else { return nil } }
  }
  static func channels(_ m: Model) -> [Int] {
    m.layers.compactMap { if case .conv2d(let c, _, _, _) = $0 { return c } else { return nil } }
  }

  @Test func simpleCNNDefaultHasTwoConvBlocksAndLinearWidths392And196() throws {
    let m = try PaperNetworks.simpleCNN()
    #expect(Self.channels(m) == [3, 9])
    #expect(Self.widths(m) == [392, 196, 10])
    #expect(m.layers.prefix(4) == [.conv2d(channels: 3, kernel: 3, stride: 1, pad: 1), .batchnorm, .relu,
                                   .maxpool(size: 2, stride: 2)])
    let shapes = try m.shapes(input: PaperNetworks.fashionMNIST)
    #expect(shapes[3] == Shape(c: 3, h: 14, w: 14))
    #expect(shapes[7] == Shape(c: 9, h: 7, w: 7))
    #expect(shapes.last == .vector(10))
  }

  @Test func simpleCNNWithFourBlocksAndSevenLinearLayersFollowsThePaper() throws {
    let m = try PaperNetworks.simpleCNN(conv: 4, linear: 7)
    #expect(Self.channels(m) == [3, 9, 27, 81])
    #expect(Self.widths(m) == [392, 196, 98, 49, 24, 12, 10])
    #expect(try m.shapes(input: PaperNetworks.fashionMNIST)[15] == Shape(c: 81, h: 1, w: 1))
  }

  @Test func simpleCNNWithoutReLUDropsOnlyTheActivations() throws {
    let m = try PaperNetworks.simpleCNN(conv: 2, linear: 3, relu: false)
    #expect(!m.layers.contains(.relu))
    let withReLU = try PaperNetworks.simpleCNN()
    #expect(m.layers.count == withReLU.layers.count - 2)
  }

  @Test func denseLinearWidthsFallLinearly() throws {
    #expect(Self.widths(try PaperNetworks.denseLinear(3)) == [522, 261, 10])
    #expect(Self.widths(try PaperNetworks.denseLinear(4)) == [588, 392, 196, 10])
    #expect(try PaperNetworks.denseLinear(1).layers == [.flatten, .linear(units: 10)])
  }

  @Test func densePolyWidthsHalve() throws {
    #expect(Self.widths(try PaperNetworks.densePoly(3)) == [392, 196, 10])
    #expect(Self.widths(try PaperNetworks.densePoly(5)) == [392, 196, 98, 49, 10])
  }

  @Test func tooManyConvBlocksForTheImageIsAClearError() {
    do {
      _ = try PaperNetworks.simpleCNN(conv: 6)
      Issue.record("six blocks fit a 28×28 image?")
    } catch {
      // Said in the call's terms: how many blocks the image allows, not a layer deep inside.
      #expect("\(error)".contains("conv: 6 is too many for a 28×28 image, which allows at most 4 conv blocks"))
    }
  }

  @Test func summaryCountsParametersAndMultiplyAccumulates() throws {
    let rows = try PaperNetworks.referenceCNN().summary(input: PaperNetworks.fashionMNIST)
    // conv2d(32, 3) on 1 channel: 32·9 + 32 parameters, 26·26·32·9 MACs.
    #expect(rows[0].parameters == 320 && rows[0].macs == 26 * 26 * 32 * 9)
    #expect(rows[3].outputShape == Shape(c: 64, h: 11, w: 11))
    #expect(rows[7].parameters == 1600 * 128 + 128)
    #expect(rows.reduce(0) { $0 + $1.parameters } == 320 + 18_496 + 204_928 + 1_290)
  }
}
