/// Times each layer's forward and backward pass over a few training batches.
///
///     let p = try LayerProfiler.profile(model, on: data, batches: 20)
///     for l in p.layers { print(l.index, l.kind, l.forwardSeconds, l.backwardSeconds) }
///     p.totalSeconds     // wall-clock seconds of the whole profiled training
///
/// It really trains: `batches` SGD steps (batch `batchSize`, seeded order) change the model's
/// weights, as profiling a training run should. One worker thread runs them, so each layer's
/// seconds are its own and add up to (nearly) the total; loading, loss and the optimizer step
/// make the rest (`otherSeconds`). Builds the model for the data's shape if needed.
///
/// Training fuses layers (a ReLU and 2×2 max-pool run inside the convolution or batchnorm
/// before them), and then a fused layer's time is booked on the layer that runs it
/// (`LayerTiming.runsIn`). With `fused: false` every layer runs its own kernel, as PyTorch runs
/// its modules one by one: slower, but each layer's own cost, as the paper measured it.
public enum LayerProfiler {
  public static func profile(_ model: Model, on data: Dataset, batches: Int, batchSize: Int = 64,
                             optimizer: OptimizerConfig = .sgd(lr: 0.01, momentum: 0.9), seed: UInt64 = 0,
                             fused: Bool = true, shouldStop: () -> Bool = { false }) throws -> LayerProfile {
    guard batches >= 1 else { throw LearnError.invalidOption("profile: batches must be at least 1, got \(batches)") }
    guard batchSize >= 1 else { throw LearnError.invalidOption("profile: batch must be at least 1, got \(batchSize)") }
    try optimizer.validate()
    try model.build(input: data.shape, seed: seed)
    try Trainer.checkClasses(model, data)
    let fusing = model.fusesLayers
    model.fusesLayers = fused
    defer { model.fusesLayers = fusing }
    let pool = try WorkerPool(model: model, threads: 1, capacity: batchSize)
    let worker = pool.workers[0]
    worker.timing = true
    let opt = Optimizer(optimizer, parameters: model.parameters)
    let train = data.train
    var order = Array(0..<train.count)
    var random = SeededRandom(seed: seed, stream: 0xF00)
    random.shuffle(&order)
    let start = Clock.now
    var done = 0, images = 0
    order.withUnsafeBufferPointer { o in
      for b in 0..<batches {
        if shouldStop() { break }
        // Wraps around the data when asked for more batches than it holds.
        let lo = (b * batchSize) % train.count, hi = min(lo + batchSize, train.count)
        _ = pool.trainStep(train, order: o.baseAddress!, range: lo..<hi, seed: seed, step: UInt64(b + 1))
        opt.step(workers: pool.gradients)
        done += 1
        images += hi - lo
      }
    }
    let total = Clock.since(start)
    let timings = model.layers.enumerated().map { i, layer in
      LayerTiming(index: i, name: layer.description, kind: layer.kind,
                  forwardSeconds: worker.forwardSeconds[i], backwardSeconds: worker.backwardSeconds[i],
                  runsIn: worker.runsIn[i])
    }
    return LayerProfile(layers: timings, totalSeconds: total, batches: done, images: images, fused: fused)
  }
}

/// Seconds one layer spent in its forward and backward passes during a profile.
public struct LayerTiming {
  /// Position in the model, from 0.
  public let index: Int
  /// As the language writes it, e.g. "conv2d(32, 3)".
  public let name: String
  /// "conv", "linear", "relu", "pool", "norm", "flatten" or "dropout".
  public let kind: String
  public let forwardSeconds: Double
  public let backwardSeconds: Double
  /// The index of the layer whose kernel does this one's work (fused), or nil: then this
  /// layer's seconds are ~0 and its cost is inside that layer's.
  public let runsIn: Int?
  public var seconds: Double { forwardSeconds + backwardSeconds }
}

/// The result of `LayerProfiler.profile`.
public struct LayerProfile {
  public let layers: [LayerTiming]
  /// Wall-clock seconds of all profiled batches.
  public let totalSeconds: Double
  /// Batches and samples actually run (fewer when stopped early).
  public let batches: Int
  public let images: Int
  /// Whether the layers ran fused, as in training (`LayerTiming.runsIn`).
  public let fused: Bool
  /// Time outside the layers: loading batches, the loss, the optimizer.
  public var otherSeconds: Double { max(0, totalSeconds - layers.reduce(0) { $0 + $1.seconds }) }
}
