/// How a model's weights start.
///
///     let m = try Model([.linear(units: 10)])
///     m.initialization = .he          // before the first build; PyTorch's default otherwise
///
/// - `pytorch`: PyTorch's default for Conv2d and Linear (`reset_parameters`): weights
///   kaiming-uniform with a = √5, i.e. U(−b, b) with b = gain·√(3/fan_in), gain = √(2/(1+a²)),
///   so b = 1/√fan_in; biases U(−1/√fan_in, 1/√fan_in). Matching it is what makes one epoch of
///   joule land where PyTorch does on the same network (issue 12).
/// - `he`: He et al. (2015): weights N(0, 2/fan_in), biases 0 — joule's default before issue 12.
///
/// Batchnorm starts at γ = 1, β = 0 under both.
public enum Initialization: String, CaseIterable, Sendable {
  case pytorch
  case he

  /// Fills a weight tensor and its bias for a layer with `fanIn` inputs per output.
  func fill(weight: Parameter, bias: Parameter?, fanIn: Int, random: inout SeededRandom) {
    let fan = Double(max(fanIn, 1))
    switch self {
    case .pytorch:
      let bound = 1 / fan.squareRoot()
      for j in 0..<weight.count { weight.pointer[j] = Float((random.nextUnit() * 2 - 1) * bound) }
      if let bias {
        for j in 0..<bias.count { bias.pointer[j] = Float((random.nextUnit() * 2 - 1) * bound) }
      }
    case .he:
      let std = (2 / fan).squareRoot()
      for j in 0..<weight.count { weight.pointer[j] = Float(random.nextGaussian() * std) }
      if let bias { bias.pointer.update(repeating: 0, count: bias.count) }
    }
  }
}
