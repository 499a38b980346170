import LearnKernels

/// Batch normalisation per channel (PyTorch's BatchNorm2d; on vectors, BatchNorm1d).
///
///     training:  y = γ · (x − mean_batch) / √(var_batch + ε) + β
///     evaluating: y = γ · (x − running_mean) / √(running_var + ε) + β
///
/// With `pooled` set, the kernel also runs the ReLU (when `fusedReLU`) and the 2×2 max-pool that
/// follow it (the paper's conv → batchnorm → ReLU → maxpool block): one pass normalises,
/// clamps and pools while the values are in registers, and writes only the pooled quarter and
/// each window's winner; the backward pass routes the pooled gradient to the winners inside
/// batchnorm's own backward, so the full-size normalised, clamped and routed maps never exist.
///
/// ε = 1e-5 and momentum 0.1 are PyTorch's defaults. Each worker normalises its share of the
/// batch ("ghost" batches of batch/threads samples); the trainer merges the workers'
/// statistics into the running ones after each step, in worker order.
final class BatchNormKernel: LayerKernel, ReLUFusing {
  static let epsilon: Float = 1e-5

  let channels: Int, size: Int
  let gamma: UnsafeMutablePointer<Float>, beta: UnsafeMutablePointer<Float>
  let gammaGrad: UnsafeMutablePointer<Float>, betaGrad: UnsafeMutablePointer<Float>
  let state: BatchNormState
  let y: FloatBuffer
  /// This worker's last batch statistics (biased variance) and how many values they cover.
  let mean: FloatBuffer, variance: FloatBuffer, invStd: FloatBuffer
  /// Per channel γ/σ and β − μ·γ/σ: the whole forward pass is one multiply-add per value.
  let scale: FloatBuffer, shift: FloatBuffer
  private(set) var lastCount = 0
  var fusedReLU = false
  /// The shape after the fused 2×2 max-pool; nil when the kernel only normalises.
  let pooled: Shape?
  let input: Shape
  let gradInput: FloatBuffer
  let winner: UnsafeMutablePointer<UInt8>
  /// The input of the last forward pass: the backward pass recomputes x̂ from it rather than
  /// keeping a normalised copy (one activation-sized buffer less).
  private var lastInput: UnsafeMutablePointer<Float>?

  init(shape: Shape, capacity: Int, gamma: Parameter, beta: Parameter,
       gammaGrad: FloatBuffer, betaGrad: FloatBuffer, state: BatchNormState, pooled: Shape? = nil,
       relu: Bool = false) {
    channels = shape.c
    input = shape
    self.pooled = pooled
    fusedReLU = relu
    size = shape.count
    self.gamma = gamma.pointer
    self.beta = beta.pointer
    self.gammaGrad = gammaGrad.pointer
    self.betaGrad = betaGrad.pointer
    self.state = state
    y = FloatBuffer(count: capacity * (pooled?.count ?? size))
    gradInput = FloatBuffer(count: pooled != nil ? capacity * size : 1)
    let winners = pooled != nil ? capacity * pooled!.count : 1
    winner = .allocate(capacity: winners)
    winner.initialize(repeating: 0, count: winners)
    mean = FloatBuffer(count: channels)
    variance = FloatBuffer(count: channels)
    invStd = FloatBuffer(count: channels)
    scale = FloatBuffer(count: channels)
    shift = FloatBuffer(count: channels)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let c = channels, rows = n * size / c
    let mu = mean.pointer, inv = invStd.pointer, sc = scale.pointer, sh = shift.pointer
    lastInput = x
    if training {
      lastCount = rows
      lk_channel_moments(x, rows, c, mu, variance.pointer)
      for ch in 0..<c { inv[ch] = 1 / (variance.pointer[ch] + Self.epsilon).squareRoot() }
    } else {
      for ch in 0..<c {
        mu[ch] = state.runningMean.pointer[ch]
        inv[ch] = 1 / (state.runningVariance.pointer[ch] + Self.epsilon).squareRoot()
      }
    }
    for ch in 0..<c {
      sc[ch] = gamma[ch] * inv[ch]
      sh[ch] = beta[ch] - mu[ch] * sc[ch]
    }
    if pooled != nil {
      lk_affine_relu_pool2_forward(x, n, input.h, input.w, c, sc, sh, fusedReLU ? 1 : 0, y.pointer, winner)
    } else {
      lk_channel_affine(x, rows, c, sc, sh, fusedReLU ? 1 : 0, y.pointer)
    }
    return y.pointer
  }

  deinit { winner.deallocate() }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    guard let x = lastInput else { return gy }
    let c = channels, rows = n * size / c
    if pooled != nil {
      let dx = needInputGradient ? gradInput.pointer : nil
      lk_affine_relu_pool2_backward(x, gy, y.pointer, winner, n, input.h, input.w, c, fusedReLU ? 1 : 0,
                                    mean.pointer, invStd.pointer, gamma, gammaGrad, betaGrad, dx)
      return gradInput.pointer
    }
    // dx = γ/σ · (g − mean(g) − x̂ · mean(g · x̂)), written over the incoming gradient.
    lk_batchnorm_backward(x, gy, rows, c, mean.pointer, invStd.pointer, gamma, gammaGrad, betaGrad,
                          needInputGradient ? gy : nil)
    return gy
  }
}

/// Running mean and variance of one batchnorm layer, kept by the model between runs.
public final class BatchNormState {
  public let runningMean: FloatBuffer
  public let runningVariance: FloatBuffer
  /// PyTorch's default momentum for the running statistics.
  static let momentum: Float = 0.1

  init(channels: Int) {
    runningMean = FloatBuffer(count: channels)
    runningVariance = FloatBuffer(count: channels)
    for i in 0..<channels { runningVariance.pointer[i] = 1 }
  }

  /// Folds the workers' batch statistics in (in worker order): their pooled mean and the
  /// unbiased pooled variance, as PyTorch folds one batch's.
  func update(from kernels: [BatchNormKernel]) {
    let c = runningMean.count
    let total = kernels.reduce(0) { $0 + $1.lastCount }
    guard total > 1 else { return }
    for ch in 0..<c {
      var mean = 0.0
      for k in kernels { mean += Double(k.lastCount) * Double(k.mean.pointer[ch]) }
      mean /= Double(total)
      var sq = 0.0
      for k in kernels {
        let d = Double(k.mean.pointer[ch]) - mean
        sq += Double(k.lastCount) * (Double(k.variance.pointer[ch]) + d * d)
      }
      let unbiased = sq / Double(total - 1)
      let mo = Self.momentum
      runningMean.pointer[ch] = (1 - mo) * runningMean.pointer[ch] + mo * Float(mean)
      runningVariance.pointer[ch] = (1 - mo) * runningVariance.pointer[ch] + mo * Float(unbiased)
    }
  }
}
