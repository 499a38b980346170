/// Reinterprets each sample as a vector; the data does not move.
///
/// Activations are channels-last, so the flattened order is (y, x, c), not PyTorch's
/// (c, y, x): a fixed permutation that the following linear layer learns around.
final class FlattenKernel: LayerKernel {
  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> { x }
  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> { gy }
}
