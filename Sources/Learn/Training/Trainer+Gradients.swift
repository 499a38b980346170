extension Trainer {
  /// The mean training-mode loss on `samples` and its gradient for every parameter, in
  /// `model.parameters` order, from one worker; nothing is updated except batchnorm's running
  /// statistics. Dropout masks are drawn from `seed`, so repeated calls see the same masks.
  ///
  ///     let (loss, grads) = try Trainer.lossAndGradients(model, on: batch)
  ///     // grads[i][j] ≈ (loss(w_ij + h) − loss(w_ij − h)) / 2h  (the gradient checks do this)
  public static func lossAndGradients(_ model: Model, on samples: Samples, seed: UInt64 = 0) throws
    -> (loss: Double, gradients: [[Float]])
  {
    guard samples.count > 0 else { throw LearnError.badData("gradients: no samples") }
    try model.build(input: samples.shape, seed: seed)
    let pool = try WorkerPool(model: model, threads: 1, capacity: samples.count)
    let order = Array(0..<samples.count)
    let loss = order.withUnsafeBufferPointer { o in
      pool.trainStep(samples, order: o.baseAddress!, range: 0..<samples.count, seed: seed, step: 1)
    }
    return (loss / Double(samples.count), pool.gradients[0].map(\.array))
  }
}
