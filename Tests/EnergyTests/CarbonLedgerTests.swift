import Energy
import Foundation
import Testing

@Test func carbonUsesCodeCarbonsWorldAverageByDefault() {
  #expect(Carbon.kilowattHours(joules: 3.6e6) == 1)
  #expect(Carbon.grams(joules: 3.6e6) == 475)
  #expect(Carbon.grams(joules: 7.2e6, intensity: 56) == 112)
}

@Test func layerAttributionSplitsEnergyByTimeShare() {
  let t = [LayerTime(layer: "conv2d(32, 3)", kind: "conv", forwardSeconds: 2, backwardSeconds: 4),
           LayerTime(layer: "relu()", kind: "relu", forwardSeconds: 0.5, backwardSeconds: 0.5),
           LayerTime(layer: "linear(10)", kind: "linear", forwardSeconds: 1, backwardSeconds: 1)]
  let a = LayerAttribution(timings: t, joules: 100, windowSeconds: 10)
  #expect(a.layers.count == 4)   // three layers and "other"
  #expect(abs(a.layers[0].joules - 60) < 1e-9)
  #expect(abs(a.share(of: "conv") - 0.6) < 1e-12)
  #expect(abs(a.share(of: "other") - 0.1) < 1e-12)
  #expect(abs(a.byKind.reduce(0) { $0 + $1.share } - 1) < 1e-12)
  #expect(a.layers[0].forwardMs == 2000)
}
