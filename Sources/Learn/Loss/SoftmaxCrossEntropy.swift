import Foundation

/// Softmax cross-entropy over logits, with its gradient (PyTorch's CrossEntropyLoss).
///
///     loss_i = log Σ_j exp(z_ij) − z_i,label
///     ∂loss/∂z_ij = (softmax(z_i)_j − [j = label]) · scale
///
/// `scale` is 1 / (whole batch size) so that workers' gradients add up to the batch mean.
public enum SoftmaxCrossEntropy {
  /// Returns the summed loss (in Double) and how many samples were classified correctly;
  /// writes the scaled gradient into `gradient` when given.
  @discardableResult
  public static func evaluate(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count n: Int,
                              classes: Int, gradient: UnsafeMutablePointer<Float>?, scale: Float)
    -> (loss: Double, correct: Int)
  {
    var total = 0.0
    var correct = 0
    for i in 0..<n {
      let z = logits + i * classes
      let label = Int(labels[i])
      var best = 0
      var top = z[0]
      for j in 1..<max(classes, 1) where z[j] > top {
        top = z[j]
        best = j
      }
      if best == label { correct += 1 }
      var sum: Float = 0
      for j in 0..<classes { sum += expf(z[j] - top) }
      total += Double(logf(sum) + top - z[label])
      if let gradient {
        let g = gradient + i * classes
        let inv = scale / sum
        for j in 0..<classes { g[j] = expf(z[j] - top) * inv }
        g[label] -= scale
      }
    }
    return (total, correct)
  }
}
