import Learn
import Testing

/// Runs repeat for a seed; divergence and interruption end a run cleanly.
@Suite struct TrainerTests {
  static let data: Dataset = try! Dataset.fashionMNIST(train: 1_000, test: 300, seed: 3)

  /// A small network with every stateful layer: batchnorm's running statistics and dropout's masks.
  static func network() throws -> Model {
    try Model([.conv2d(channels: 4, kernel: 3, pad: 1), .batchnorm, .relu, .maxpool(size: 2),
               .conv2d(channels: 6, kernel: 3), .relu, .flatten, .dropout(p: 0.2), .linear(units: 10)])
  }

  static func weights(_ m: Model) -> [[Float]] { m.parameters.map(\.values) }

  @Test func theSameSeedAndThreadsGiveTheSameWeightsAndAccuracy() throws {
    let options = TrainingOptions(epochs: 2, batchSize: 50, optimizer: .adam(lr: 2e-3), seed: 11, threads: 2)
    let a = try Self.network(), b = try Self.network()
    let ra = try Trainer.train(a, on: Self.data, options: options)
    let rb = try Trainer.train(b, on: Self.data, options: options)
    #expect(Self.weights(a) == Self.weights(b))
    #expect(ra.accuracy == rb.accuracy && ra.loss == rb.loss)
    var other = options
    other.seed = 12
    let c = try Self.network()
    _ = try Trainer.train(c, on: Self.data, options: other)
    #expect(Self.weights(a) != Self.weights(c))
  }

  @Test func withoutShufflingTheSeedNoLongerChangesTheRun() throws {
    // The same starting weights each time (built with seed 1); only the run's seed differs,
    // which draws the epoch's sample order (the network has no dropout).
    func run(seed: UInt64, shuffle: Bool) throws -> [[Float]] {
      let m = try Model([.flatten, .linear(units: 10)])
      try m.build(input: Self.data.shape, seed: 1)
      let o = TrainingOptions(epochs: 1, batchSize: 50, optimizer: .sgd(lr: 0.05), seed: seed, threads: 1,
                              evaluateEachEpoch: false, shuffle: shuffle)
      _ = try Trainer.train(m, on: Self.data, options: o)
      return Self.weights(m)
    }
    #expect(try run(seed: 2, shuffle: false) == run(seed: 3, shuffle: false))
    #expect(try run(seed: 2, shuffle: true) != run(seed: 3, shuffle: true))
  }

  @Test func oneThreadAndTwoThreadsLearnAlike() throws {
    // Without batchnorm the split changes only the order of float sums.
    let layers: [Layer] = [.flatten, .linear(units: 32), .relu, .linear(units: 10)]
    var o = TrainingOptions(epochs: 1, batchSize: 32, optimizer: .sgd(lr: 0.05, momentum: 0.9), seed: 5, threads: 1)
    let one = try Trainer.train(try Model(layers), on: Self.data, options: o)
    o.threads = 2
    let two = try Trainer.train(try Model(layers), on: Self.data, options: o)
    #expect(abs(one.loss - two.loss) < 1e-3)
    #expect(abs(one.accuracy - two.accuracy) < 0.02)
  }

  @Test func aHugeLearningRateStopsTheRunAsDiverged() throws {
    let m = try Model([.flatten, .linear(units: 64), .linear(units: 10)])
    let r = try Trainer.train(m, on: Self.data,
                              options: TrainingOptions(epochs: 3, optimizer: .sgd(lr: 1e6), seed: 0))
    #expect(r.state == .diverged)
    #expect(r.loss.isNaN || r.loss.isInfinite)
    #expect(r.images < 3 * Self.data.train.count)
  }

  @Test func stoppingReturnsThePartialRunAsInterrupted() throws {
    var polls = 0
    var o = TrainingOptions(epochs: 2, batchSize: 100, optimizer: .adam(lr: 0.01), seed: 0)
    o.shouldStop = {
      polls += 1
      return polls > 4
    }
    let r = try Trainer.train(try Model([.flatten, .linear(units: 10)]), on: Self.data, options: o)
    #expect(r.state == .interrupted)
    #expect(r.images == 400)
    #expect(r.epochs.count == 1)
    #expect(r.accuracy > 0.2)   // evaluated after the four steps it took
  }

  @Test func progressIsReportedForEveryBatch() throws {
    var seen: [TrainingProgress] = []
    var o = TrainingOptions(epochs: 2, batchSize: 250, optimizer: .adam(), seed: 0)
    o.onProgress = { seen.append($0) }
    _ = try Trainer.train(try Model([.flatten, .linear(units: 10)]), on: Self.data, options: o)
    #expect(seen.count == 8)
    #expect(seen.last?.epoch == 2 && seen.last?.batch == 4 && seen.last?.batches == 4)
    #expect(seen.allSatisfy { $0.loss.isFinite && $0.imagesPerSecond > 0 })
  }

  @Test func aModelWithTooFewOutputsForTheClassesIsRefused() throws {
    do {
      _ = try Trainer.train(try Model([.flatten, .linear(units: 5)]), on: Self.data, options: TrainingOptions())
      Issue.record("trained 10 classes on 5 outputs")
    } catch {
      #expect("\(error)".contains("5 outputs") && "\(error)".contains("10 classes"))
    }
  }

  @Test func aValidationSplitIsHeldOutAndScoredEachEpoch() throws {
    let d = try Self.data.withValidation(fraction: 0.2, seed: 1)
    #expect(d.train.count == 800 && d.validation?.count == 200)
    let r = try Trainer.train(try Model([.flatten, .linear(units: 10)]), on: d,
                              options: TrainingOptions(epochs: 2, optimizer: .adam(lr: 0.01)))
    #expect(r.epochs.allSatisfy { $0.accuracy != nil })
    #expect(r.accuracy > 0.5)
  }

  @Test func rowsBecomeADatasetWithNamedClasses() throws {
    var rows: [[Float]] = [], labels: [String] = []
    for i in 0..<60 {
      let x = Float(i % 3)
      rows.append([x, 1 - x])
      labels.append(["setosa", "versicolor", "virginica"][i % 3])
    }
    let d = try Dataset.fromRows(rows, labels: labels, testFraction: 0.25, seed: 0)
    #expect(d.classNames == ["setosa", "versicolor", "virginica"])
    #expect(d.train.count == 45 && d.test.count == 15 && d.shape == .vector(2))
    let r = try Trainer.train(try Model([.linear(units: 8), .relu, .linear(units: 3)]), on: d,
                              options: TrainingOptions(epochs: 30, batchSize: 8, optimizer: .adam(lr: 0.05)))
    #expect(r.accuracy == 1)
  }
}
