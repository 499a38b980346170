import LearnKernels

/// 2-D convolution as im2col rows times the weight matrix (OpenBLAS sgemm).
///
///     y[(i, oy, ox), co] = b[co] + Σ_(ky, kx, ci) W[co, (ky, kx, ci)] · x[i, oy·s − p + ky, ox·s − p + kx, ci]
///
/// Weights are `channels × (k·k·inChannels)` with the inner index ordered (ky, kx, ci), so an
/// im2col row is `k·k` contiguous copies of `inChannels` floats and the weight matrix is used
/// as stored (transposed in the sgemm call).
final class Im2colConvolution: LayerKernel, ReLUFusing {
  let shape: ConvolutionShape
  let weight: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>
  let weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>
  let y: FloatBuffer
  let col: FloatBuffer        // im2col rows, then their gradient
  let gradInput: FloatBuffer
  var fusedReLU = false

  init(_ shape: ConvolutionShape, capacity: Int, weight: Parameter, bias: Parameter, weightGrad: FloatBuffer,
       biasGrad: FloatBuffer, needsInputGradient: Bool) {
    self.shape = shape
    self.weight = weight.pointer
    self.bias = bias.pointer
    self.weightGrad = weightGrad.pointer
    self.biasGrad = biasGrad.pointer
    y = FloatBuffer(count: capacity * shape.output.count)
    col = FloatBuffer(count: capacity * shape.pixels * shape.rowLength)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * shape.input.count : 1)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let rows = n * shape.pixels, co = shape.output.c
    im2col(x, count: n)
    let yp = y.pointer
    lk_fill_rows(yp, rows, co, bias)
    Gemm.multiply(m: rows, n: co, k: shape.rowLength, a: col.pointer, transA: false, b: weight, transB: true,
                  c: yp, beta: 1)
    if fusedReLU { lk_relu(yp, rows * co, yp) }
    return yp
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    let rows = n * shape.pixels, co = shape.output.c
    lk_column_sums(gy, rows, co, biasGrad)
    Gemm.multiply(m: co, n: shape.rowLength, k: rows, a: gy, transA: true, b: col.pointer, transB: false,
                  c: weightGrad)
    guard needInputGradient else { return gradInput.pointer }
    // The im2col rows are no longer needed: their gradient takes their place.
    Gemm.multiply(m: rows, n: shape.rowLength, k: co, a: gy, transA: false, b: weight, transB: false, c: col.pointer)
    col2im(count: n)
    return gradInput.pointer
  }

  /// Lays each image's receptive fields out as rows (LearnKernels' lk_im2col: each window
  /// row inside the image is one contiguous run of k · inChannels values).
  private func im2col(_ x: UnsafeMutablePointer<Float>, count n: Int) {
    var g = shape.geometry(count: n)
    lk_im2col(&g, x, col.pointer)
  }

  /// The inverse scatter: adds each row's gradient back onto the input pixel it came from.
  private func col2im(count n: Int) {
    var g = shape.geometry(count: n)
    lk_col2im(&g, col.pointer, gradInput.pointer)
  }
}
