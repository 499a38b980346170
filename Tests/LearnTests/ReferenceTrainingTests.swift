import Learn
import Testing

/// Issue 3's "done when": the reference CNN learns Fashion-MNIST.
@Suite struct ReferenceTrainingTests {
  @Test func referenceCNNReachesSeventyTwoPercentOnTenThousandImagesInTwoEpochs() throws {
    let data = try Dataset.fashionMNIST(train: 10_000, test: 2_000, seed: 0)
    let model = try PaperNetworks.referenceCNN()
    // Issue 3 set this bar under He initialisation, joule's default then; PyTorch's default
    // (now joule's) starts ReLU networks with smaller weights and reaches 0.716 here.
    model.initialization = .he
    let options = TrainingOptions(epochs: 2, batchSize: 64, optimizer: .sgd(lr: 0.01, momentum: 0.9), seed: 0)
    let run = try Trainer.train(model, on: data, options: options)
    print("reference CNN: accuracy \(run.accuracy), loss \(run.loss), \(run.seconds) s, \(run.imagesPerSecond) images/s")
    #expect(run.state == .complete)
    #expect(run.epochs.count == 2)
    #expect(run.epochs[1].loss < run.epochs[0].loss)
    #expect(run.accuracy >= 0.72)
  }
}
