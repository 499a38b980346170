/// A layer whose work a neighbouring kernel does (a ReLU and max-pool fused into batchnorm; a
/// ReLU fused into the 2×2 max-pool after it): values and gradients pass through untouched.
///
///     [conv, batchnorm + relu + pool, FusedAwayKernel (relu), FusedAwayKernel (pool)]
///     [conv, FusedAwayKernel (relu), relu + pool]
final class FusedAwayKernel: LayerKernel {
  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> { x }
  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> { gy }
}
