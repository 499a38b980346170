/// Batch normalisation per channel (PyTorch's BatchNorm2d; on vectors, BatchNorm1d).
///
///     training:  y = γ · (x − mean_batch) / √(var_batch + ε) + β
///     evaluating: y = γ · (x − running_mean) / √(running_var + ε) + β
///
/// ε = 1e-5 and momentum 0.1 are PyTorch's defaults. Each worker normalises its share of the
/// batch ("ghost" batches of batch/threads samples); the trainer merges the workers'
/// statistics into the running ones after each step, in worker order.
final class BatchNormKernel: LayerKernel {
  static let epsilon: Float = 1e-5

  let channels: Int, size: Int
  let gamma: UnsafeMutablePointer<Float>, beta: UnsafeMutablePointer<Float>
  let gammaGrad: UnsafeMutablePointer<Float>, betaGrad: UnsafeMutablePointer<Float>
  let state: BatchNormState
  let y: FloatBuffer, normalized: FloatBuffer
  /// This worker's last batch statistics (biased variance) and how many values they cover.
  let mean: FloatBuffer, variance: FloatBuffer, invStd: FloatBuffer
  private(set) var lastCount = 0

  init(shape: Shape, capacity: Int, gamma: Parameter, beta: Parameter,
       gammaGrad: FloatBuffer, betaGrad: FloatBuffer, state: BatchNormState) {
    channels = shape.c
    size = shape.count
    self.gamma = gamma.pointer
    self.beta = beta.pointer
    self.gammaGrad = gammaGrad.pointer
    self.betaGrad = betaGrad.pointer
    self.state = state
    y = FloatBuffer(count: capacity * size)
    normalized = FloatBuffer(count: capacity * size)
    mean = FloatBuffer(count: channels)
    variance = FloatBuffer(count: channels)
    invStd = FloatBuffer(count: channels)
  }

  func forward(_ x: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float> {
    let c = channels, rows = n * size / c
    let mu = mean.pointer, va = variance.pointer, inv = invStd.pointer
    let xh = normalized.pointer, yp = y.pointer
    if training {
      lastCount = rows
      mu.update(repeating: 0, count: c)
      va.update(repeating: 0, count: c)
      for r in 0..<rows { let row = x + r * c; for ch in 0..<c { mu[ch] += row[ch] } }
      for ch in 0..<c { mu[ch] /= Float(rows) }
      for r in 0..<rows {
        let row = x + r * c
        for ch in 0..<c { let d = row[ch] - mu[ch]; va[ch] += d * d }
      }
      for ch in 0..<c {
        va[ch] /= Float(rows)
        inv[ch] = 1 / (va[ch] + Self.epsilon).squareRoot()
      }
    } else {
      for ch in 0..<c {
        mu[ch] = state.runningMean.pointer[ch]
        inv[ch] = 1 / (state.runningVariance.pointer[ch] + Self.epsilon).squareRoot()
      }
    }
    for r in 0..<rows {
      let row = x + r * c, h = xh + r * c, out = yp + r * c
      for ch in 0..<c {
        let v = (row[ch] - mu[ch]) * inv[ch]
        h[ch] = v
        out[ch] = gamma[ch] * v + beta[ch]
      }
    }
    return yp
  }

  func backward(_ gy: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float> {
    let c = channels, rows = n * size / c
    let xh = normalized.pointer, inv = invStd.pointer
    for ch in 0..<c { gammaGrad[ch] = 0; betaGrad[ch] = 0 }
    for r in 0..<rows {
      let g = gy + r * c, h = xh + r * c
      for ch in 0..<c {
        betaGrad[ch] += g[ch]
        gammaGrad[ch] += g[ch] * h[ch]
      }
    }
    guard needInputGradient else { return gy }
    // dx = γ/σ · (g − mean(g) − x̂ · mean(g · x̂)), written over the incoming gradient.
    let m = Float(rows)
    for r in 0..<rows {
      let g = gy + r * c, h = xh + r * c
      for ch in 0..<c {
        g[ch] = gamma[ch] * inv[ch] * (g[ch] - betaGrad[ch] / m - h[ch] * gammaGrad[ch] / m)
      }
    }
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
