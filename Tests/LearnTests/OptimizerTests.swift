import Learn
import Testing

/// The optimizer's update, split across the workers' threads, against the same update on one.
@Suite struct OptimizerTests {
  /// Weight changes after training on batches of two identical samples: two workers then
  /// compute equal halves of the one-worker gradient, so both runs step alike up to float
  /// rounding. With over `Optimizer.parallelMinimum` (32,768) values in all, the two-worker
  /// run splits each update across two threads; a value updated twice or not at all shows
  /// as a change that differs by its whole size.
  static func changes(threads: Int, optimizer: OptimizerConfig) throws -> [Float] {
    let data = try Dataset.fashionMNIST(train: 40, test: 10, seed: 2)
    var features: [Float] = [], labels: [Int32] = []
    let d = data.shape.count
    for i in 0..<20 {
      for _ in 0..<2 {
        features += data.train.features[(i * d)..<((i + 1) * d)]
        labels.append(data.train.labels[i])
      }
    }
    let pairs = try Samples(shape: data.shape, features: features, labels: labels)
    let set = try Dataset(name: "pairs", train: pairs, test: data.test, classNames: data.classNames)
    let m = try Model([.flatten, .linear(units: 48), .relu, .linear(units: 10)])
    try m.build(input: data.shape, seed: 9)
    #expect(m.parameters.reduce(0) { $0 + $1.count } > 32_768)
    let before = m.parameters.flatMap(\.values)
    let o = TrainingOptions(epochs: 2, batchSize: 2, optimizer: optimizer, seed: 0, threads: threads,
                            evaluateEachEpoch: false, shuffle: false)
    _ = try Trainer.train(m, on: set, options: o)
    return zip(m.parameters.flatMap(\.values), before).map { $0 - $1 }
  }

  @Test(arguments: [OptimizerConfig.sgd(lr: 0.05, momentum: 0.9), .adam(lr: 1e-3)])
  func anUpdateSplitAcrossTwoThreadsChangesEveryWeightAsOneThreadDoes(_ optimizer: OptimizerConfig) throws {
    let one = try Self.changes(threads: 1, optimizer: optimizer)
    let two = try Self.changes(threads: 2, optimizer: optimizer)
    let scale = one.map(abs).max() ?? 0
    #expect(scale > 0)
    let worst = zip(one, two).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= 1e-3 * scale, "largest difference \(worst) of changes up to \(scale)")
  }
}
