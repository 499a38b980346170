import LearnKernels

/// Max over `size × size` windows, `stride` apart, per channel (PyTorch's MaxPool2d, floor mode).
///
/// The forward pass remembers which input won each window; the backward pass routes the
/// gradient there.
final class MaxPoolKernel: LayerKernel {
  let input: Shape, output: Shape, size: Int, stride: Int
  let y: FloatBuffer, gradInput: FloatBuffer
  let winner: UnsafeMutablePointer<Int32>

  init(input: Shape, output: Shape, size: Int, stride: Int, capacity: Int, needsInputGradient: Bool) {
    self.input = input
    self.output = output
    self.size = size
    self.stride = stride
    y = FloatBuffer(count: capacity * output.count)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * input.count : 1)
    winner = .allocate(capacity: max(1, capacity * output.count))
    winner.initialize(repeating: 0, count: max(1, capacity * output.count))
  }

  deinit { winner.deallocate() }

  /// 2×2 windows 2 apart (the common case) keep no winner indices: the backward pass finds
  /// the winner again by comparing input and output (the first maximal input, as PyTorch),
  /// so the forward pass is a plain max. Both run in LearnKernels.
  var pairs: Bool { size == 2 && stride == 2 }
  private var lastInput: UnsafeMutablePointer<Float>?

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let c = input.c, iw = input.w, oh = output.h, ow = output.w
    lastInput = x
    if pairs {
      lk_maxpool2_forward(x, n, input.h, input.w, c, y.pointer)
      return y.pointer
    }
    for i in 0..<n {
      let image = x + i * input.count
      let out = y.pointer + i * output.count
      let win = winner + i * output.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          let o = (oy * ow + ox) * c
          let first = ((oy * stride) * iw + ox * stride) * c
          for ch in 0..<c {
            out[o + ch] = image[first + ch]
            win[o + ch] = Int32(first + ch)
          }
          for dy in 0..<size {
            for dx in 0..<size where dy > 0 || dx > 0 {
              let at = ((oy * stride + dy) * iw + ox * stride + dx) * c
              for ch in 0..<c {
                let v = image[at + ch]
                if v > out[o + ch] {
                  out[o + ch] = v
                  win[o + ch] = Int32(at + ch)
                }
              }
            }
          }
        }
      }
    }
    return y.pointer
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    guard needInputGradient else { return gradInput.pointer }
    let dx = gradInput.pointer
    if pairs, let x = lastInput {
      lk_maxpool2_backward(x, y.pointer, gy, n, input.h, input.w, input.c, dx)
      return dx
    }
    dx.update(repeating: 0, count: n * input.count)
    for i in 0..<n {
      let d = dx + i * input.count
      let g = gy + i * output.count
      let win = winner + i * output.count
      for o in 0..<output.count { d[Int(win[o])] += g[o] }
    }
    return dx
  }
}
