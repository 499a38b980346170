import LearnKernels

/// The geometry of one convolution layer: input and output shapes, kernel, stride, padding.
///
///     let s = ConvolutionShape(input: Shape(c: 1, h: 28, w: 28), output: Shape(c: 32, h: 26, w: 26),
///                              kernel: 3, stride: 1, pad: 0)
///     s.rowLength     // 9: values under one window (k · k · input channels)
struct ConvolutionShape {
  let input: Shape, output: Shape
  let kernel: Int, stride: Int, pad: Int

  /// Values under one window, the length of a weight row: k · k · input channels.
  var rowLength: Int { kernel * kernel * input.c }

  /// Output pixels of one image.
  var pixels: Int { output.h * output.w }

  /// The C kernels' description of `n` images of this geometry.
  func geometry(count n: Int) -> lk_conv {
    lk_conv(n: n, ih: input.h, iw: input.w, ci: input.c, oh: output.h, ow: output.w, co: output.c,
            k: kernel, stride: stride, pad: pad)
  }
}
