import LearnKernels

/// Fully connected layer: y = x · Wᵀ + b, with W of `units × inputs` (PyTorch's layout).
///
///     // 64 samples of 1600 features to 128 units: one sgemm of 64 × 128 × 1600
final class LinearKernel: LayerKernel, ReLUFusing {
  let inputs: Int, units: Int
  let weight: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>
  let weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>
  let y: FloatBuffer, gradInput: FloatBuffer
  var fusedReLU = false
  private var lastInput: UnsafeMutablePointer<Float>?

  init(inputs: Int, units: Int, capacity: Int, weight: Parameter, bias: Parameter,
       weightGrad: FloatBuffer, biasGrad: FloatBuffer, needsInputGradient: Bool) {
    self.inputs = inputs
    self.units = units
    self.weight = weight.pointer
    self.bias = bias.pointer
    self.weightGrad = weightGrad.pointer
    self.biasGrad = biasGrad.pointer
    y = FloatBuffer(count: capacity * units)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * inputs : 1)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    lastInput = x
    let yp = y.pointer
    lk_fill_rows(yp, n, units, bias)
    Gemm.multiply(m: n, n: units, k: inputs, a: x, transA: false, b: weight, transB: true, c: yp, beta: 1)
    if fusedReLU { lk_relu(yp, n * units, yp) }
    return yp
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    guard let x = lastInput else { return gradInput.pointer }
    lk_column_sums(gy, n, units, biasGrad)
    Gemm.multiply(m: units, n: inputs, k: n, a: gy, transA: true, b: x, transB: false, c: weightGrad)
    if needInputGradient {
      Gemm.multiply(m: n, n: inputs, k: units, a: gy, transA: false, b: weight, transB: false, c: gradInput.pointer)
    }
    return gradInput.pointer
  }
}
