import LearnKernels

/// 2-D convolution as im2col rows times the weight matrix (OpenBLAS sgemm).
///
///     y[(i, oy, ox), co] = b[co] + Σ_(ky, kx, ci) W[co, (ky, kx, ci)] · x[i, oy·s − p + ky, ox·s − p + kx, ci]
///
/// Weights are `channels × (k·k·inChannels)` with the inner index ordered (ky, kx, ci), so an
/// im2col row is `k·k` contiguous copies of `inChannels` floats and the weight matrix is used
/// as stored (transposed in the sgemm call).
///
/// With `pooled`, the kernel also runs the 2×2 max-pool (stride 2) after it, and the ReLU
/// between when `fusedReLU`: the im2col rows are the pooling windows' pixels, window by
/// window, so pixels the pool drops (odd sizes) are never computed, and four consecutive
/// output rows are pooled as one window; the backward pass routes the pooled gradient to the
/// winners' rows first.
final class Im2colConvolution: LayerKernel, ReLUFusing {
  let shape: ConvolutionShape
  let weight: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>
  let weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>
  let y: FloatBuffer
  let col: FloatBuffer        // im2col rows, then their gradient
  let gradInput: FloatBuffer
  var fusedReLU = false
  /// Whether a 2×2 max-pool runs inside: y holds the pooled quarter.
  let pooled: Bool
  /// Output rows per image: every pixel, or the pooling windows' pixels.
  let rowsPerImage: Int
  /// The rows before pooling, then their routed gradient (pooled only).
  let full: FloatBuffer
  /// Per pooled value, which row of its window won (pooled only).
  let winner: UnsafeMutablePointer<UInt8>

  init(_ shape: ConvolutionShape, capacity: Int, weight: Parameter, bias: Parameter, weightGrad: FloatBuffer,
       biasGrad: FloatBuffer, needsInputGradient: Bool, pooled: Bool = false) {
    self.shape = shape
    self.weight = weight.pointer
    self.bias = bias.pointer
    self.weightGrad = weightGrad.pointer
    self.biasGrad = biasGrad.pointer
    self.pooled = pooled
    let windows = (shape.output.h / 2) * (shape.output.w / 2)
    rowsPerImage = pooled ? 4 * windows : shape.pixels
    y = FloatBuffer(count: capacity * (pooled ? windows : shape.pixels) * shape.output.c)
    full = FloatBuffer(count: pooled ? capacity * rowsPerImage * shape.output.c : 1)
    let winners = pooled ? capacity * windows * shape.output.c : 1
    winner = .allocate(capacity: winners)
    winner.initialize(repeating: 0, count: winners)
    col = FloatBuffer(count: capacity * rowsPerImage * shape.rowLength)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * shape.input.count : 1)
  }

  deinit { winner.deallocate() }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let rows = n * rowsPerImage, co = shape.output.c
    im2col(x, count: n)
    let yp = pooled ? full.pointer : y.pointer
    lk_fill_rows(yp, rows, co, bias)
    Gemm.multiply(m: rows, n: co, k: shape.rowLength, a: col.pointer, transA: false, b: weight, transB: true,
                  c: yp, beta: 1)
    if pooled {
      // Each window is a 2×2 "image" of four consecutive rows.
      lk_pool2_forward(yp, rows / 4, 2, 2, co, fusedReLU ? 1 : 0, y.pointer, winner)
    } else if fusedReLU {
      lk_relu(yp, rows * co, yp)
    }
    return y.pointer
  }

  func backward(_ pooledGradient: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    let rows = n * rowsPerImage, co = shape.output.c
    var gy = pooledGradient
    if pooled {
      lk_pool2_backward(pooledGradient, y.pointer, winner, rows / 4, 2, 2, co, fusedReLU ? 1 : 0, full.pointer)
      gy = full.pointer
    }
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
    lk_im2col(&g, pooled ? 1 : 0, x, col.pointer)
  }

  /// The inverse scatter: adds each row's gradient back onto the input pixel it came from.
  private func col2im(count n: Int) {
    var g = shape.geometry(count: n)
    lk_col2im(&g, pooled ? 1 : 0, col.pointer, gradInput.pointer)
  }
}
