/// A layer whose work the kernel before it does (a ReLU and max-pool fused into batchnorm):
/// values and gradients pass through untouched.
///
///     [conv, batchnorm + relu + pool, FusedAwayKernel (relu), FusedAwayKernel (pool)]
final class FusedAwayKernel: LayerKernel {
  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> { x }
  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> { gy }
}
