import Foundation

/// Applies one optimizer step to a model's parameters from their summed gradients,
/// keeping momentum and moment estimates between steps.
///
///     let opt = Optimizer(.sgd(lr: 0.01, momentum: 0.9), parameters: model.parameters)
///     opt.step(gradients: grads)
///
/// SGD: g ← ∇ + λw; v ← μv + g; w ← w − αv (PyTorch, no dampening).
/// Adam: g ← ∇ + λw; m ← β1·m + (1−β1)g; v ← β2·v + (1−β2)g²;
///       w ← w − α · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε) (PyTorch's L2 form of weight decay).
final class Optimizer {
  let config: OptimizerConfig
  let parameters: [Parameter]
  private var first: [FloatBuffer] = []
  private var second: [FloatBuffer] = []
  private var t = 0
  /// A gradient of zeros that stands in when a step has one worker (allocated once).
  private var zeros: FloatBuffer?

  init(_ config: OptimizerConfig, parameters: [Parameter]) {
    self.config = config
    self.parameters = parameters
    first = parameters.map { FloatBuffer(count: $0.count) }
    if case .adam = config { second = parameters.map { FloatBuffer(count: $0.count) } }
  }

  /// One step from the gradients of one or more workers (one buffer per parameter each),
  /// summed in worker order. Two workers are summed inside the update, saving a pass.
  func step(workers: [[FloatBuffer]]) {
    if workers.count == 1 { return step(gradients: workers[0], second: nil) }
    if workers.count > 2 {
      for (p, g) in workers[0].enumerated() {
        for w in workers.dropFirst(2) {
          let src = w[p].pointer, dst = workers[1][p].pointer
          for i in 0..<g.count { dst[i] += src[i] }
        }
      }
    }
    step(gradients: workers[0], second: workers[1])
  }

  func step(gradients: [FloatBuffer], second: [FloatBuffer]? = nil) {
    t += 1
    if second == nil, zeros == nil { zeros = FloatBuffer(count: parameters.map(\.count).max() ?? 1) }
    switch config {
    case let .sgd(lr, momentum, decay):
      let a = Float(lr), mu = Float(momentum), wd = Float(decay)
      for (i, p) in parameters.enumerated() {
        let w = p.pointer, g = gradients[i].pointer, v = first[i].pointer
        let h = second?[i].pointer ?? zeros!.pointer
        if mu == 0 {
          for j in 0..<p.count { w[j] -= a * ((g[j] + h[j]) + wd * w[j]) }
        } else if t == 1 {
          // PyTorch starts the momentum buffer at the first gradient.
          for j in 0..<p.count { v[j] = (g[j] + h[j]) + wd * w[j]; w[j] -= a * v[j] }
        } else {
          for j in 0..<p.count { v[j] = mu * v[j] + (g[j] + h[j]) + wd * w[j]; w[j] -= a * v[j] }
        }
      }
    case let .adam(lr, beta1, beta2, eps, decay):
      let b1 = Float(beta1), b2 = Float(beta2), wd = Float(decay), e = Float(eps)
      let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
      // Folding the bias corrections into the step: α/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε).
      let stepSize = Float(lr / max(c1, 1e-300)), root = Float(1 / max(c2, 1e-300).squareRoot())
      for (i, p) in parameters.enumerated() {
        let w = p.pointer, g = gradients[i].pointer, m = first[i].pointer, v = self.second[i].pointer
        let h = second?[i].pointer ?? zeros!.pointer
        for j in 0..<p.count {
          let gj = (g[j] + h[j]) + wd * w[j]
          m[j] = b1 * m[j] + (1 - b1) * gj
          v[j] = b2 * v[j] + (1 - b2) * gj * gj
          w[j] -= stepSize * m[j] / (v[j].squareRoot() * root + e)
        }
      }
    }
  }
}
