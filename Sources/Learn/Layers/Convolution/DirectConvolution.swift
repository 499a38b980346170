import LearnKernels

/// Direct 2-D convolution over channels-last activations, through LearnKernels' SIMD kernels.
///
///     y[(i, oy, ox), co] = b[co] + Σ_(ky, kx, ci) W[co, (ky, kx, ci)] · x[i, oy·s − p + ky, ox·s − p + kx, ci]
///
/// The input is copied once into zero-padded images, so no kernel tests a border; the weights
/// are packed per forward pass into (ky, kx, ci) × output-channel rows (stored layout
/// unchanged) and, for the input gradient, into rows padded to whole vectors.
///
/// With `pooled`, the kernel also runs the 2×2 max-pool (stride 2) after it, and the ReLU
/// between when `fusedReLU` (the worker's fast path for conv → relu → maxpool(2) without
/// batchnorm): each window's four pixels are computed together and pooled in registers, so
/// the full-size map is never written. The backward pass routes the pooled gradient to each
/// window's winner inside the weight gradient's sums (and, where an input gradient is needed,
/// into a full-size gradient first).
final class DirectConvolution: LayerKernel, ReLUFusing {
  let shape: ConvolutionShape
  let weight: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>
  let weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>
  let y: FloatBuffer
  let padded: FloatBuffer
  let packed: FloatBuffer
  let paddedWeights: FloatBuffer
  let gradInput: FloatBuffer
  let scratch: FloatBuffer
  var fusedReLU = false
  /// Whether a 2×2 max-pool runs inside: y holds the pooled quarter.
  let pooled: Bool
  /// Per pooled value, which pixel of its window won (pooled only).
  let winner: UnsafeMutablePointer<UInt8>
  /// The full-size output gradient the pooled one is routed into (pooled, when the input
  /// gradient is needed too).
  let routed: FloatBuffer
  /// The padded input of the last forward pass (the input itself when there is no padding).
  private var source: UnsafeMutablePointer<Float>?

  init(_ shape: ConvolutionShape, capacity: Int, weight: Parameter, bias: Parameter, weightGrad: FloatBuffer,
       biasGrad: FloatBuffer, needsInputGradient: Bool, pooled: Bool = false) {
    self.shape = shape
    self.weight = weight.pointer
    self.bias = bias.pointer
    self.weightGrad = weightGrad.pointer
    self.biasGrad = biasGrad.pointer
    var g = shape.geometry(count: capacity)
    let paddedSize = lk_conv_padded_size(&g), copad = lk_conv_copad(&g), kpad = lk_conv_kpad(&g)
    self.pooled = pooled
    let pooledCount = (shape.output.h / 2) * (shape.output.w / 2) * shape.output.c
    y = FloatBuffer(count: capacity * (pooled ? pooledCount : shape.output.count))
    // Slack: the weight gradient reads a vector's worth of winners at a time.
    let winners = pooled ? capacity * pooledCount + Int(LK_SLACK) : 1
    winner = .allocate(capacity: winners)
    winner.initialize(repeating: 0, count: winners)
    routed = FloatBuffer(count: pooled && needsInputGradient ? capacity * shape.output.count : 1)
    padded = FloatBuffer(count: shape.pad > 0 ? capacity * paddedSize : 1)
    packed = FloatBuffer(count: shape.rowLength * copad)
    paddedWeights = FloatBuffer(count: needsInputGradient ? shape.output.c * kpad : 1)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * shape.input.count : 1)
    scratch = FloatBuffer(count: max(shape.rowLength * copad, paddedSize + kpad))
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    var g = shape.geometry(count: n)
    let xp: UnsafeMutablePointer<Float>
    if shape.pad > 0 {
      lk_conv_pad_input(&g, x, padded.pointer)
      xp = padded.pointer
    } else {
      xp = x
    }
    source = xp
    lk_conv_pack_weights(&g, weight, packed.pointer)
    if pooled {
      lk_conv_pool_forward(&g, xp, packed.pointer, bias, fusedReLU ? 1 : 0, y.pointer, winner)
    } else {
      lk_conv_forward(&g, xp, packed.pointer, bias, fusedReLU ? 1 : 0, y.pointer)
    }
    return y.pointer
  }

  deinit { winner.deallocate() }

  func backward(_ pooledGradient: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    guard let xp = source else { return gradInput.pointer }
    var g = shape.geometry(count: n)
    var gy = pooledGradient
    if pooled && !needInputGradient {
      // The first layer: the weight gradient reads the pooled gradient and winners directly.
      lk_conv_pool_backward_weights(&g, xp, pooledGradient, y.pointer, winner, fusedReLU ? 1 : 0, weightGrad,
                                    biasGrad, scratch.pointer)
      return gradInput.pointer
    }
    if pooled {
      let out = shape.output
      lk_pool2_backward(pooledGradient, y.pointer, winner, n, out.h, out.w, out.c, fusedReLU ? 1 : 0, routed.pointer)
      gy = routed.pointer
    }
    lk_conv_backward_weights(&g, xp, gy, weightGrad, biasGrad, scratch.pointer)
    if needInputGradient {
      lk_conv_pad_weights(&g, weight, paddedWeights.pointer)
      lk_conv_backward_input(&g, gy, paddedWeights.pointer, gradInput.pointer, scratch.pointer)
    }
    return gradInput.pointer
  }
}
