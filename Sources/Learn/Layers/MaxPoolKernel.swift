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
  /// the winner again by comparing input and output, so the forward pass is a plain max.
  var pairs: Bool { size == 2 && stride == 2 }
  private var lastInput: UnsafeMutablePointer<Float>?

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let c = input.c, iw = input.w, oh = output.h, ow = output.w
    lastInput = x
    if pairs {
      for i in 0..<n {
        let image = x + i * input.count
        let out = y.pointer + i * output.count
        for oy in 0..<oh {
          for ox in 0..<ow {
            let o = out + (oy * ow + ox) * c
            let a = image + ((2 * oy) * iw + 2 * ox) * c, b = a + c, d = a + iw * c, e = d + c
            for ch in 0..<c { o[ch] = max(max(a[ch], b[ch]), max(d[ch], e[ch])) }
          }
        }
      }
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
      backwardPairs(gy, x, count: n)
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

  /// Routes each window's gradient to its first maximal input (as PyTorch picks the first).
  /// Windows do not overlap, so every input receives exactly one write and nothing is zeroed.
  private func backwardPairs(_ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>, count n: Int) {
    let c = input.c, iw = input.w, ih = input.h, oh = output.h, ow = output.w
    for i in 0..<n {
      let image = x + i * input.count
      let d = gradInput.pointer + i * input.count
      // Rows and columns an odd size leaves outside every window get no gradient.
      if ih > 2 * oh || iw > 2 * ow { d.update(repeating: 0, count: input.count) }
      let out = y.pointer + i * output.count
      let g = gy + i * output.count
      // One pass per window position, each writing one stream: with four store streams the
      // compiler's alias checks exceed its limit and the loop stays scalar (7× slower).
      for position in 0..<4 {
        let py = position / 2, px = position % 2
        for oy in 0..<oh {
          for ox in 0..<ow {
            let at = (oy * ow + ox) * c
            let m = out + at, gg = g + at
            let a = image + ((2 * oy) * iw + 2 * ox) * c
            let b = a + c, e = a + iw * c
            let dst = d + ((2 * oy + py) * iw + 2 * ox + px) * c
            switch position {
            case 0:
              for ch in 0..<c { dst[ch] = a[ch] == m[ch] ? gg[ch] : 0 }
            case 1:
              for ch in 0..<c {
                let top = m[ch], va = a[ch], vb = b[ch]
                dst[ch] = vb == top && va != top ? gg[ch] : 0
              }
            case 2:
              for ch in 0..<c {
                let top = m[ch], va = a[ch], vb = b[ch], ve = e[ch]
                dst[ch] = ve == top && va != top && vb != top ? gg[ch] : 0
              }
            default:
              for ch in 0..<c {
                let top = m[ch], va = a[ch], vb = b[ch], ve = e[ch]
                dst[ch] = va != top && vb != top && ve != top ? gg[ch] : 0
              }
            }
          }
        }
      }
    }
  }
}
