/// max(0, x), elementwise. The backward pass masks the incoming gradient in place.
final class ReLUKernel: LayerKernel {
  let size: Int
  let y: FloatBuffer

  init(shape: Shape, capacity: Int) {
    size = shape.count
    y = FloatBuffer(count: capacity * size)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let yp = y.pointer
    for i in 0..<(n * size) { yp[i] = max(x[i], 0) }
    return yp
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    let yp = y.pointer
    for i in 0..<(n * size) { gy[i] = yp[i] > 0 ? gy[i] : 0 }
    return gy
  }
}
