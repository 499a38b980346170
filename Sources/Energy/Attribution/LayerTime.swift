/// Time one layer spent over a profiled run, as the trainer measured it.
///
///     LayerTime(layer: "conv2d(32, 3)", kind: "conv", forwardSeconds: 0.8, backwardSeconds: 1.9)
public struct LayerTime: Equatable {
  public var layer: String
  /// "conv", "linear", "relu", "pool", "norm", "flatten", "dropout", ...
  public var kind: String
  public var forwardSeconds: Double
  public var backwardSeconds: Double

  public init(layer: String, kind: String, forwardSeconds: Double, backwardSeconds: Double) {
    self.layer = layer
    self.kind = kind
    self.forwardSeconds = forwardSeconds
    self.backwardSeconds = backwardSeconds
  }

  public var seconds: Double { forwardSeconds + backwardSeconds }
}
