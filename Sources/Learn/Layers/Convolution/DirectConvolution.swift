import LearnKernels

/// Direct 2-D convolution over channels-last activations, through LearnKernels' SIMD kernels.
///
///     y[(i, oy, ox), co] = b[co] + Σ_(ky, kx, ci) W[co, (ky, kx, ci)] · x[i, oy·s − p + ky, ox·s − p + kx, ci]
///
/// The input is copied once into zero-padded images, so no kernel tests a border; the weights
/// are packed per forward pass into (ky, kx, ci) × output-channel rows (stored layout
/// unchanged) and, for the input gradient, into rows padded to whole vectors.
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
  /// The padded input of the last forward pass (the input itself when there is no padding).
  private var source: UnsafeMutablePointer<Float>?

  init(_ shape: ConvolutionShape, capacity: Int, weight: Parameter, bias: Parameter, weightGrad: FloatBuffer,
       biasGrad: FloatBuffer, needsInputGradient: Bool) {
    self.shape = shape
    self.weight = weight.pointer
    self.bias = bias.pointer
    self.weightGrad = weightGrad.pointer
    self.biasGrad = biasGrad.pointer
    var g = shape.geometry(count: capacity)
    let paddedSize = lk_conv_padded_size(&g), copad = lk_conv_copad(&g), kpad = lk_conv_kpad(&g)
    y = FloatBuffer(count: capacity * shape.output.count)
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
    lk_conv_forward(&g, xp, packed.pointer, bias, fusedReLU ? 1 : 0, y.pointer)
    return y.pointer
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    guard let xp = source else { return gradInput.pointer }
    var g = shape.geometry(count: n)
    lk_conv_backward_weights(&g, xp, gy, weightGrad, biasGrad, scratch.pointer)
    if needInputGradient {
      lk_conv_pad_weights(&g, weight, paddedWeights.pointer)
      lk_conv_backward_input(&g, gy, paddedWeights.pointer, gradInput.pointer, scratch.pointer)
    }
    return gradInput.pointer
  }
}
