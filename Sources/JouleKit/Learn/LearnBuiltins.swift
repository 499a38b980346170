import Learn
import Script

/// The training family: layers, models, the paper's networks, datasets, optimizers,
/// `train`, `evaluate` and `summary`.
///
///     m = simple_cnn(conv: 2, linear: 3)
///     run = train(m, dataset("fashion-mnist", train: 10000), epochs: 2)
enum LearnBuiltins {
  static func register(into registry: BuiltinRegistry) {
    for b in LayerBuiltins.all + DataBuiltins.all + TrainingBuiltins.all + ModelFileBuiltins.all + ModelCopyBuiltins.all + [EpochsToBuiltin.builtin] {
      registry.register(b)
    }
    if let train = registry["train"] { train.keywordHints = TrainingBuiltins.keywordHints }
  }
}
