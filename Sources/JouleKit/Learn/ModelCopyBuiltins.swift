import Learn
import Script

/// Starting over: `clone(m)` is a fresh, untrained model with m's layers; `reset(m)` makes m
/// forget its weights. `train` on a trained model continues from its weights and says so.
///
///     base = simple_cnn(conv: 2)
///     a = train(clone(base), data, optimizer: adam(lr: 1e-3))
///     b = train(clone(base), data, optimizer: sgd(lr: 0.1))   # a fair comparison
enum ModelCopyBuiltins {
  static var all: [Builtin] {
    [
      Builtin("clone", [Parameter("model", .host("model"))], family: "training",
              doc: "A fresh, untrained model with the same layers (weights are drawn when it is trained).") { a, _ in
        let m = try a.host("model", as: ModelValue.self).model
        return .host(ModelValue(try Model(m.layers)))
      },
      Builtin("reset", [Parameter("model", .host("model"))], family: "training",
              doc: "Forgets the model's weights in place; the next train starts from fresh ones.") { a, _ in
        let v = try a.host("model", as: ModelValue.self)
        v.model.reset()
        v.toldTrained = false
        return .host(v)
      },
    ]
  }
}
