/// 2-D convolution over channels-last activations: im2col rows times the weight matrix.
///
///     y[(i, oy, ox), co] = b[co] + Σ_(ky, kx, ci) W[co, (ky, kx, ci)] · x[i, oy·s − p + ky, ox·s − p + kx, ci]
///
/// Weights are `channels × (k·k·inChannels)` with the inner index ordered (ky, kx, ci), so an
/// im2col row is `k·k` contiguous copies of `inChannels` floats. A 1-channel input (the first
/// layer on grey images) skips im2col: with K = 9 sgemm ran at a tenth of its speed (issue 3),
/// while a direct loop over output channels vectorises.
final class Conv2DKernel: LayerKernel {
  let input: Shape, output: Shape
  let k: Int, stride: Int, pad: Int
  let weight: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>
  let weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>
  let direct: Bool
  let y: FloatBuffer
  let col: FloatBuffer        // im2col rows, then their gradient (general path)
  let gradInput: FloatBuffer
  let transposed: FloatBuffer // weights as (k·k) × channels for the direct path
  private var lastInput: UnsafeMutablePointer<Float>?

  var rowLength: Int { k * k * input.c }

  init(input: Shape, output: Shape, kernel: Int, stride: Int, pad: Int, capacity: Int,
       weight: Parameter, bias: Parameter, weightGrad: FloatBuffer, biasGrad: FloatBuffer,
       needsInputGradient: Bool) {
    self.input = input
    self.output = output
    self.k = kernel
    self.stride = stride
    self.pad = pad
    self.weight = weight.pointer
    self.bias = bias.pointer
    self.weightGrad = weightGrad.pointer
    self.biasGrad = biasGrad.pointer
    direct = input.c == 1
    let pixels = output.h * output.w
    y = FloatBuffer(count: capacity * output.count)
    col = FloatBuffer(count: direct ? 1 : capacity * pixels * kernel * kernel * input.c)
    gradInput = FloatBuffer(count: needsInputGradient ? capacity * input.count : 1)
    transposed = FloatBuffer(count: direct ? kernel * kernel * output.c : 1)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    lastInput = x
    let rows = n * output.h * output.w, co = output.c
    if direct {
      forwardDirect(x, count: n)
      return y.pointer
    }
    im2col(x, count: n)
    let yp = y.pointer
    for r in 0..<rows {
      let row = yp + r * co
      for c in 0..<co { row[c] = bias[c] }
    }
    Gemm.multiply(m: rows, n: co, k: rowLength, a: col.pointer, transA: false, b: weight, transB: true,
                  c: yp, beta: 1)
    return yp
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    let rows = n * output.h * output.w, co = output.c
    for c in 0..<co { biasGrad[c] = 0 }
    for r in 0..<rows {
      let row = gy + r * co
      for c in 0..<co { biasGrad[c] += row[c] }
    }
    if direct {
      backwardDirect(gy, count: n, needInputGradient: needInputGradient)
      return gradInput.pointer
    }
    Gemm.multiply(m: co, n: rowLength, k: rows, a: gy, transA: true, b: col.pointer, transB: false,
                  c: weightGrad)
    guard needInputGradient else { return gradInput.pointer }
    // The im2col rows are no longer needed: their gradient takes their place.
    Gemm.multiply(m: rows, n: rowLength, k: co, a: gy, transA: false, b: weight, transB: false, c: col.pointer)
    col2im(count: n)
    return gradInput.pointer
  }

  // MARK: im2col

  private func im2col(_ x: UnsafeMutablePointer<Float>, count n: Int) {
    let ci = input.c, ih = input.h, iw = input.w, oh = output.h, ow = output.w
    var dst = col.pointer
    for i in 0..<n {
      let image = x + i * input.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          for ky in 0..<k {
            let iy = oy * stride - pad + ky
            for kx in 0..<k {
              let ix = ox * stride - pad + kx
              if iy >= 0, iy < ih, ix >= 0, ix < iw {
                dst.update(from: image + (iy * iw + ix) * ci, count: ci)
              } else {
                dst.update(repeating: 0, count: ci)
              }
              dst += ci
            }
          }
        }
      }
    }
  }

  private func col2im(count n: Int) {
    let ci = input.c, ih = input.h, iw = input.w, oh = output.h, ow = output.w
    let dx = gradInput.pointer
    dx.update(repeating: 0, count: n * input.count)
    var src = col.pointer
    for i in 0..<n {
      let image = dx + i * input.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          for ky in 0..<k {
            let iy = oy * stride - pad + ky
            for kx in 0..<k {
              let ix = ox * stride - pad + kx
              if iy >= 0, iy < ih, ix >= 0, ix < iw {
                let d = image + (iy * iw + ix) * ci
                for c in 0..<ci { d[c] += src[c] }
              }
              src += ci
            }
          }
        }
      }
    }
  }

  // MARK: Direct path for one input channel

  private func forwardDirect(_ x: UnsafeMutablePointer<Float>, count n: Int) {
    let co = output.c, kk = k * k, ih = input.h, iw = input.w, oh = output.h, ow = output.w
    let wt = transposed.pointer
    for o in 0..<co { for t in 0..<kk { wt[t * co + o] = weight[o * kk + t] } }
    if k == 3 {
      forwardDirect3(x, count: n)
      return
    }
    for i in 0..<n {
      let image = x + i * input.count
      let out = y.pointer + i * output.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          let acc = out + (oy * ow + ox) * co
          for o in 0..<co { acc[o] = bias[o] }
          for ky in 0..<k {
            let iy = oy * stride - pad + ky
            if iy < 0 || iy >= ih { continue }
            for kx in 0..<k {
              let ix = ox * stride - pad + kx
              if ix < 0 || ix >= iw { continue }
              let v = image[iy * iw + ix]
              let wrow = wt + (ky * k + kx) * co
              for o in 0..<co { acc[o] += v * wrow[o] }
            }
          }
        }
      }
    }
  }

  private func backwardDirect(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) {
    guard let x = lastInput else { return }
    let co = output.c, kk = k * k, ih = input.h, iw = input.w, oh = output.h, ow = output.w
    let gwt = transposed.pointer  // reused: the gradient of the transposed weights
    gwt.update(repeating: 0, count: kk * co)
    if k == 3, !needInputGradient {
      weightGradientDirect3(gy, x, count: n)
      for o in 0..<co { for t in 0..<kk { weightGrad[o * kk + t] = gwt[t * co + o] } }
      return
    }
    if needInputGradient { gradInput.pointer.update(repeating: 0, count: n * input.count) }
    for i in 0..<n {
      let image = x + i * input.count
      let dimage = gradInput.pointer + i * input.count
      let g = gy + i * output.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          let grow = g + (oy * ow + ox) * co
          for ky in 0..<k {
            let iy = oy * stride - pad + ky
            if iy < 0 || iy >= ih { continue }
            for kx in 0..<k {
              let ix = ox * stride - pad + kx
              if ix < 0 || ix >= iw { continue }
              let v = image[iy * iw + ix]
              let t = ky * k + kx
              let gw = gwt + t * co
              for o in 0..<co { gw[o] += v * grow[o] }
              if needInputGradient {
                var s: Float = 0
                let wrow = weight + t
                for o in 0..<co { s += grow[o] * wrow[o * kk] }
                dimage[iy * iw + ix] += s
              }
            }
          }
        }
      }
    }
    for o in 0..<co { for t in 0..<kk { weightGrad[o * kk + t] = gwt[t * co + o] } }
    // The forward pass rebuilds the transposed weights before its next use.
  }

  // MARK: 3×3 kernels on one channel

  /// The 3×3 window at output (oy, ox), zero outside the image.
  @inline(__always)
  private func patch3(_ image: UnsafeMutablePointer<Float>, _ oy: Int, _ ox: Int)
    -> (Float, Float, Float, Float, Float, Float, Float, Float, Float)
  {
    let ih = input.h, iw = input.w
    @inline(__always) func at(_ dy: Int, _ dx: Int) -> Float {
      let iy = oy * stride - pad + dy, ix = ox * stride - pad + dx
      return iy >= 0 && iy < ih && ix >= 0 && ix < iw ? image[iy * iw + ix] : 0
    }
    return (at(0, 0), at(0, 1), at(0, 2), at(1, 0), at(1, 1), at(1, 2), at(2, 0), at(2, 1), at(2, 2))
  }

  /// All nine taps in one pass over the output channels: one store per output, and a loop
  /// the compiler vectorises (the general loop stored the accumulators nine times).
  private func forwardDirect3(_ x: UnsafeMutablePointer<Float>, count n: Int) {
    let co = output.c, oh = output.h, ow = output.w
    let w = transposed.pointer
    let w0 = w, w1 = w + co, w2 = w + 2 * co, w3 = w + 3 * co, w4 = w + 4 * co
    let w5 = w + 5 * co, w6 = w + 6 * co, w7 = w + 7 * co, w8 = w + 8 * co
    for i in 0..<n {
      let image = x + i * input.count
      let out = y.pointer + i * output.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          let (v0, v1, v2, v3, v4, v5, v6, v7, v8) = patch3(image, oy, ox)
          let acc = out + (oy * ow + ox) * co
          for o in 0..<co {
            var s = bias[o] + v0 * w0[o]
            s += v1 * w1[o]; s += v2 * w2[o]; s += v3 * w3[o]; s += v4 * w4[o]
            s += v5 * w5[o]; s += v6 * w6[o]; s += v7 * w7[o]; s += v8 * w8[o]
            acc[o] = s
          }
        }
      }
    }
  }

  /// ∂W for a first-layer 3×3 conv: nine rows of channel sums, accumulated per output pixel.
  private func weightGradientDirect3(_ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>, count n: Int) {
    let co = output.c, oh = output.h, ow = output.w
    let w = transposed.pointer
    let g0 = w, g1 = w + co, g2 = w + 2 * co, g3 = w + 3 * co, g4 = w + 4 * co
    let g5 = w + 5 * co, g6 = w + 6 * co, g7 = w + 7 * co, g8 = w + 8 * co
    for i in 0..<n {
      let image = x + i * input.count
      let g = gy + i * output.count
      for oy in 0..<oh {
        for ox in 0..<ow {
          let (v0, v1, v2, v3, v4, v5, v6, v7, v8) = patch3(image, oy, ox)
          let row = g + (oy * ow + ox) * co
          for o in 0..<co {
            let gv = row[o]
            g0[o] += v0 * gv; g1[o] += v1 * gv; g2[o] += v2 * gv; g3[o] += v3 * gv; g4[o] += v4 * gv
            g5[o] += v5 * gv; g6[o] += v6 * gv; g7[o] += v7 * gv; g8[o] += v8 * gv
          }
        }
      }
    }
  }
}
