import Foundation

/// Class probabilities from a trained model: softmax of its outputs, batchnorm on running
/// statistics, dropout off, as `model.eval()` in PyTorch.
///
///     let p = try Predictor.probabilities(model, samples: data.test)   // one row of classes per image
///     p[0].firstIndex(of: p[0].max()!)                                 // the predicted class
public enum Predictor {
  public static func probabilities(_ model: Model, samples: Samples, batchSize: Int = 256) throws -> [[Float]] {
    guard let input = model.inputShape else {
      throw LearnError.invalidOption("predict: the model has no weights yet; train it first")
    }
    guard samples.shape == input else {
      throw LearnError.shapeMismatch("predict: the model takes \(input) images, these are \(samples.shape)")
    }
    let capacity = max(1, min(batchSize, samples.count))
    let worker = try Worker(model: model, capacity: capacity)
    let classes = worker.classes
    var out: [[Float]] = []
    out.reserveCapacity(samples.count)
    var start = 0
    while start < samples.count {
      let n = min(capacity, samples.count - start)
      samples.gather(start..<(start + n), into: worker.input.pointer)
      let logits = worker.forward(count: n, training: false)
      for i in 0..<n {
        let z = logits + i * classes
        var top = z[0]
        for j in 1..<max(classes, 1) { top = max(top, z[j]) }
        var row = (0..<classes).map { expf(z[$0] - top) }
        let sum = row.reduce(0, +)
        guard sum.isFinite, sum > 0 else { throw LearnError.badData("predict: the model's outputs are not finite") }
        for j in 0..<classes { row[j] /= sum }
        out.append(row)
      }
      start += n
    }
    return out
  }
}
