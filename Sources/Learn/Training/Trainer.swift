import Dispatch
import Foundation

/// Trains and evaluates models: each batch is split across worker threads, each with its own
/// buffers and single-threaded OpenBLAS; gradients are summed in worker order, then one
/// optimizer step.
///
///     let data = try Dataset.fashionMNIST(train: 10_000, test: 2_000)
///     let model = try PaperNetworks.referenceCNN()
///     let run = try Trainer.train(model, on: data,
///                                 options: TrainingOptions(epochs: 2, optimizer: .sgd(lr: 0.01, momentum: 0.9)))
///     run.accuracy   // ≈ 0.8
public enum Trainer {
  public static func train(_ model: Model, on data: Dataset, options: TrainingOptions) throws -> TrainingResult {
    try options.validate()
    try model.build(input: data.shape, seed: options.seed)
    try checkClasses(model, data)
    let start = Clock.now
    let pool = try WorkerPool(model: model, threads: options.threads,
                              capacity: (options.batchSize + options.threads - 1) / options.threads)
    let optimizer = Optimizer(options.optimizer, parameters: model.parameters)
    let train = data.train
    let batches = (train.count + options.batchSize - 1) / options.batchSize
    var epochs: [EpochResult] = []
    var state = TrainingState.complete
    var trainingSeconds = 0.0, images = 0, lastLoss = Double.nan
    var order = Array(0..<train.count)
    var step: UInt64 = 0

    epochLoop: for epoch in 1...options.epochs {
      order = Array(0..<train.count)
      if options.shuffle {
        var random = SeededRandom(seed: options.seed, stream: UInt64(epoch))
        random.shuffle(&order)
      }
      let epochStart = Clock.now
      var lossSum = 0.0, seen = 0
      for b in 0..<batches {
        if options.shouldStop() {
          state = .interrupted
        }
        if state != .complete { break }
        let lo = b * options.batchSize, hi = min(lo + options.batchSize, train.count)
        step += 1
        let loss = order.withUnsafeBufferPointer { o in
          pool.trainStep(train, order: o.baseAddress!, range: lo..<hi, seed: options.seed, step: step)
        }
        if !loss.isFinite {
          state = .diverged
          lossSum = .nan
          seen += hi - lo
          break
        }
        optimizer.step(workers: pool.gradients)
        lossSum += loss
        seen += hi - lo
        images += hi - lo
        if let onProgress = options.onProgress {
          let elapsed = trainingSeconds + Clock.since(epochStart)
          let rate = Double(images) / max(elapsed, 1e-9)
          let left = Double((options.epochs - epoch) * train.count + train.count - hi)
          onProgress(TrainingProgress(epoch: epoch, epochs: options.epochs, batch: b + 1, batches: batches,
                                      loss: lossSum / Double(seen), imagesPerSecond: rate,
                                      elapsed: elapsed, remaining: left / max(rate, 1e-9)))
        }
      }
      let seconds = Clock.since(epochStart)
      trainingSeconds += seconds
      lastLoss = seen > 0 ? lossSum / Double(seen) : .nan
      if seen == 0 { break epochLoop }
      var heldOut: Evaluation?
      if options.evaluateEachEpoch, state == .complete {
        heldOut = pool.evaluate(data.validation ?? data.test)
      }
      var result = EpochResult(epoch: epoch, loss: lastLoss, accuracy: heldOut?.accuracy, seconds: seconds)
      result.heldOutLoss = heldOut?.loss
      result.split = data.validation == nil ? .test : .validation
      epochs.append(result)
      options.onEpoch?(result)
      if state != .complete { break epochLoop }
    }
    // The validation figures of the final weights: the last epoch's when it ran to its end.
    var validation: Evaluation?
    if let v = data.validation {
      if state == .complete, options.evaluateEachEpoch, let last = epochs.last, let acc = last.accuracy, let loss = last.heldOutLoss {
        validation = Evaluation(accuracy: acc, loss: loss, count: v.count)
      } else if images > 0 {
        validation = pool.evaluate(v)
      }
    }
    let final: Evaluation
    if state == .complete, options.evaluateEachEpoch, data.validation == nil, let last = epochs.last?.accuracy {
      // The last epoch was already evaluated on the test split; do not repeat it.
      final = pool.lastEvaluation ?? Evaluation(accuracy: last, loss: .nan, count: data.test.count)
    } else {
      final = pool.evaluate(data.test)
    }
    var result = TrainingResult(state: state, epochs: epochs, accuracy: final.accuracy, testLoss: final.loss,
                                loss: lastLoss, seconds: Clock.since(start), trainingSeconds: trainingSeconds,
                                images: images)
    result.validation = validation
    return result
  }

  /// Accuracy and mean loss of `model` on `samples` (batchnorm uses running statistics).
  public static func evaluate(_ model: Model, on samples: Samples, threads: Int = 2, batchSize: Int = 256) throws -> Evaluation {
    guard model.isBuilt else {
      throw LearnError.invalidOption("evaluate: the model has no weights yet; train it first")
    }
    try model.build(input: samples.shape, seed: 0)
    let pool = try WorkerPool(model: model, threads: max(1, threads), capacity: max(1, batchSize / max(1, threads)))
    return pool.evaluate(samples)
  }

  static func checkClasses(_ model: Model, _ data: Dataset) throws {
    let units = model.outputUnits ?? 0
    let needed = max(data.train.classCount, data.test.classCount)
    guard units >= needed else {
      throw LearnError.shapeMismatch("the model's last layer has \(units) outputs but the data has \(needed) classes")
    }
  }
}
