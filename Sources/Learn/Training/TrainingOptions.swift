/// How to train: epochs, batch size, optimizer, seed, threads, and the caller's hooks.
///
///     var o = TrainingOptions(epochs: 2, batchSize: 64, optimizer: .sgd(lr: 0.01, momentum: 0.9))
///     o.shouldStop = { Interrupt.requested }      // JouleKit passes the Ctrl-C flag
///     o.onProgress = { p in draw(p) }             // called after every batch
public struct TrainingOptions {
  public var epochs: Int
  public var batchSize: Int
  public var optimizer: OptimizerConfig
  public var seed: UInt64
  /// Worker threads; each takes an equal share of every batch and runs single-threaded OpenBLAS.
  public var threads: Int
  /// Draw a fresh seeded order of the training samples every epoch (PyTorch's
  /// `DataLoader(shuffle=True)`); false keeps the data's own order, as `shuffle=False` does,
  /// so a run can be replayed batch for batch in another framework (scripts/parity-torch).
  public var shuffle: Bool
  /// Evaluate on the validation split (or the test split) after every epoch.
  public var evaluateEachEpoch: Bool
  /// Polled before every batch; true stops the run, which returns as `interrupted`.
  public var shouldStop: () -> Bool
  public var onProgress: ((TrainingProgress) -> Void)?
  public var onEpoch: ((EpochResult) -> Void)?

  public init(epochs: Int = 1, batchSize: Int = 64, optimizer: OptimizerConfig = .adam(), seed: UInt64 = 0,
              threads: Int = 2, evaluateEachEpoch: Bool = true, shuffle: Bool = true) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.optimizer = optimizer
    self.seed = seed
    self.threads = threads
    self.evaluateEachEpoch = evaluateEachEpoch
    self.shuffle = shuffle
    shouldStop = { false }
  }

  /// Checks the settings alone; `train` calls it before anything it does has an effect.
  public func validate() throws {
    guard epochs >= 1 else { throw LearnError.invalidOption("train: epochs must be at least 1, got \(epochs)") }
    guard batchSize >= 1 else { throw LearnError.invalidOption("train: batch must be at least 1, got \(batchSize)") }
    guard (1...64).contains(threads) else { throw LearnError.invalidOption("train: threads must be 1 to 64, got \(threads)") }
    try optimizer.validate()
  }
}

/// Where a run is, after each batch: for progress lines.
public struct TrainingProgress {
  public let epoch: Int
  public let epochs: Int
  public let batch: Int
  public let batches: Int
  /// Mean training loss so far in this epoch.
  public let loss: Double
  public let imagesPerSecond: Double
  /// Seconds since training began, and an estimate of those left.
  public let elapsed: Double
  public let remaining: Double
}

/// One epoch's outcome.
public struct EpochResult {
  public let epoch: Int
  /// Mean training loss over the epoch's samples.
  public let loss: Double
  /// Accuracy on the validation split (or the test split); nil when not evaluated.
  public let accuracy: Double?
  /// Mean loss on the same split; nil when not evaluated.
  public var heldOutLoss: Double? = nil
  /// The split `accuracy` and `heldOutLoss` were measured on.
  public var split: EvaluationSplit = .test
  /// Seconds spent training (evaluation excluded).
  public let seconds: Double
}

/// How a run ended.
public enum TrainingState: String {
  case complete, diverged, interrupted
}

/// What `Trainer.train` returns.
public struct TrainingResult {
  public let state: TrainingState
  public let epochs: [EpochResult]
  /// Test accuracy and mean test loss after the last step.
  public let accuracy: Double
  public let testLoss: Double
  /// Accuracy and mean loss on the validation split after the last step, when the data has one.
  public var validation: Evaluation? = nil
  /// Mean training loss of the last epoch run (partial when stopped early).
  public let loss: Double
  /// Wall-clock seconds in all, and those spent in training steps.
  public let seconds: Double
  public let trainingSeconds: Double
  /// Training samples processed, and how many per second of training.
  public let images: Int
  public var imagesPerSecond: Double { trainingSeconds > 0 ? Double(images) / trainingSeconds : 0 }
}

/// Loss and accuracy of a model on some samples.
public struct Evaluation {
  public let accuracy: Double
  public let loss: Double
  public let count: Int
}
