import LearnKernels

/// Max over `size × size` windows, `stride` apart, per channel (PyTorch's MaxPool2d, floor mode).
///
/// The forward pass remembers which input won each window; the backward pass routes the
/// gradient there.
///
///     conv2d(32, 3), relu(), maxpool(2)   // fused: the pool kernel runs the ReLU (fusedReLU)
///
/// 2×2 windows 2 apart (the common case) run in LearnKernels. With `keepsWinners` (the
/// worker's fast path) the forward pass writes one byte per pooled value naming the window's
/// winner, and the backward pass is one vector pass that routes each gradient there, masked
/// by the fused ReLU; a ReLU before the pool then costs no pass of its own, forward or
/// backward. Without it (a model with `fusesLayers` off: the layers one by one, the reference
/// the fused path is tested against) the backward pass finds the winner again by comparing
/// input and output.
final class MaxPoolKernel: LayerKernel {
  let input: Shape, output: Shape, size: Int, stride: Int
  let y: FloatBuffer, gradInput: FloatBuffer
  let winner: UnsafeMutablePointer<Int32>
  /// Per pooled value of a 2×2 pool with `keepsWinners`: which of the window's four won.
  let pairWinner: UnsafeMutablePointer<UInt8>
  let keepsWinners: Bool
  /// Clamps the pooled values at zero (the ReLU before the pool, whose kernel then passes
  /// values through untouched). Only the worker sets it, and only where `fusesReLU`.
  var fusedReLU = false

  init(input: Shape, output: Shape, size: Int, stride: Int, capacity: Int, needsInputGradient: Bool,
       keepsWinners: Bool = true) {
    self.input = input
    self.output = output
    self.size = size
    self.stride = stride
    let pairs = size == 2 && stride == 2
    self.keepsWinners = keepsWinners && pairs
    y = FloatBuffer(count: capacity * output.count)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * input.count : 1)
    let winners = pairs ? 1 : max(1, capacity * output.count)
    winner = .allocate(capacity: winners)
    winner.initialize(repeating: 0, count: winners)
    let pairWinners = self.keepsWinners ? capacity * output.count : 1
    pairWinner = .allocate(capacity: pairWinners)
    pairWinner.initialize(repeating: 0, count: pairWinners)
  }

  deinit {
    winner.deallocate()
    pairWinner.deallocate()
  }

  var pairs: Bool { size == 2 && stride == 2 }
  /// Whether this kernel can run the ReLU before it.
  var fusesReLU: Bool { keepsWinners }
  private var lastInput: UnsafeMutablePointer<Float>?

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let c = input.c, iw = input.w, oh = output.h, ow = output.w
    lastInput = x
    if keepsWinners {
      lk_pool2_forward(x, n, input.h, input.w, c, fusedReLU ? 1 : 0, y.pointer, pairWinner)
      return y.pointer
    }
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
    if keepsWinners {
      lk_pool2_backward(gy, y.pointer, pairWinner, n, input.h, input.w, input.c, fusedReLU ? 1 : 0, dx)
      return dx
    }
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
