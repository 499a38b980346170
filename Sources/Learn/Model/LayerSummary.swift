/// One row of a model summary.
///
///     layer 1  conv2d(32, 3)  32×26×26  320 parameters  194,688 MACs per image
public struct LayerSummary {
  public let index: Int
  public let layer: Layer
  public let outputShape: Shape
  public let parameters: Int
  /// Multiply-accumulates per sample in the forward pass.
  public let macs: Int
}
