/// How a convolution layer is computed; chosen per layer shape when a worker is built.
///
///     ConvolutionAlgorithm.chosen(input: Shape(c: 1, h: 28, w: 28), kernel: 3)    // .direct
///     ConvolutionAlgorithm.chosen(input: Shape(c: 32, h: 13, w: 13), kernel: 3)   // .im2col
///
/// `direct` runs the channels-last SIMD kernels of LearnKernels (output channels in vector
/// registers, four pixels sharing each weight load). `im2col` copies every window into a row
/// and multiplies the rows by the weights with OpenBLAS sgemm. Few input channels make the
/// rows short (K = 9 for a grey image and a 3×3 kernel) and sgemm slow, while the direct
/// kernel's work per window is then small; many input channels make sgemm's blocking win.
public enum ConvolutionAlgorithm: String, CaseIterable, Sendable {
  case im2col
  case direct

  /// The longest window (k · k · input channels) the direct kernel takes: 81 is 3×3 over 9
  /// channels, the paper's SimpleCNN up to its third block. Longer windows re-read the output
  /// gradient once per 9 window values in the weight gradient, where sgemm blocks instead.
  public static let directWindowLimit = 81

  /// The algorithm a layer with this input and kernel size uses.
  public static func chosen(input: Shape, kernel: Int) -> ConvolutionAlgorithm {
    kernel * kernel * input.c <= directWindowLimit ? .direct : .im2col
  }

  /// A worker's kernel for this algorithm; `pooled` runs the 2×2 max-pool after it inside.
  func makeKernel(_ shape: ConvolutionShape, capacity: Int, weight: Parameter, bias: Parameter,
                  weightGrad: FloatBuffer, biasGrad: FloatBuffer, needsInputGradient: Bool,
                  pooled: Bool = false) -> LayerKernel & ReLUFusing {
    switch self {
    case .im2col:
      return Im2colConvolution(shape, capacity: capacity, weight: weight, bias: bias, weightGrad: weightGrad,
                               biasGrad: biasGrad, needsInputGradient: needsInputGradient, pooled: pooled)
    case .direct:
      return DirectConvolution(shape, capacity: capacity, weight: weight, bias: bias, weightGrad: weightGrad,
                               biasGrad: biasGrad, needsInputGradient: needsInputGradient, pooled: pooled)
    }
  }
}
