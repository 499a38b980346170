import LearnKernels

/// max(0, x), elementwise. The backward pass masks the incoming gradient in place.
///
/// After a layer that applies the ReLU itself (`ReLUFusing`), the kernel passes its input
/// through untouched and only masks gradients by it: one pass over memory instead of two.
final class ReLUKernel: LayerKernel {
  let size: Int
  let y: FloatBuffer
  /// The previous layer already clamps its output: forward returns its input as is.
  var passThrough = false
  private var output: UnsafeMutablePointer<Float>?

  init(shape: Shape, capacity: Int) {
    size = shape.count
    y = FloatBuffer(count: capacity * size)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    if passThrough {
      output = x
      return x
    }
    lk_relu(x, n * size, y.pointer)
    output = y.pointer
    return y.pointer
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    lk_relu_backward(output ?? y.pointer, n * size, gy)
    return gy
  }
}
