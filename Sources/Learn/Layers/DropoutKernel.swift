/// Zeroes each value with probability p while training and scales the rest by 1/(1−p)
/// (inverted dropout, as PyTorch); the identity when evaluating.
///
/// Each worker draws its masks from its own seeded stream, reseeded per step, so a run repeats.
final class DropoutKernel: LayerKernel {
  let size: Int, p: Double
  let y: FloatBuffer, mask: FloatBuffer
  var random = SeededRandom(seed: 0)

  init(shape: Shape, p: Double, capacity: Int) {
    size = shape.count
    self.p = p
    y = FloatBuffer(count: capacity * size)
    mask = FloatBuffer(count: capacity * size)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    guard training, p > 0 else { return x }
    let keep = Float(1 / (1 - p)), m = mask.pointer, yp = y.pointer
    for i in 0..<(n * size) {
      m[i] = random.nextUnit() < p ? 0 : keep
      yp[i] = x[i] * m[i]
    }
    return yp
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    guard p > 0 else { return gy }
    let m = mask.pointer
    for i in 0..<(n * size) { gy[i] *= m[i] }
    return gy
  }
}
