import Foundation
import LearnKernels

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
    switch config {
    case let .sgd(lr, momentum, decay):
      for (i, p) in parameters.enumerated() {
        lk_sgd_update(p.pointer, gradients[i].pointer, second?[i].pointer, first[i].pointer, p.count, Float(lr),
                      Float(momentum), Float(decay), t == 1 ? 1 : 0)  // PyTorch starts momentum at the first gradient
      }
    case let .adam(lr, beta1, beta2, eps, decay):
      let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
      // Folding the bias corrections into the step: α/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε), with ε
      // added after the correction as PyTorch does.
      let stepSize = Float(lr / max(c1, 1e-300)), root = Float(1 / max(c2, 1e-300).squareRoot())
      for (i, p) in parameters.enumerated() {
        lk_adam_update(p.pointer, gradients[i].pointer, second?[i].pointer, first[i].pointer, self.second[i].pointer,
                       p.count, Float(beta1), Float(beta2), stepSize, root, Float(eps), Float(decay))
      }
    }
  }
}
