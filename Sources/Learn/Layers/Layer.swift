/// One layer of a sequential network, as declared; parameters are created when the model
/// first sees its input shape (convolutions infer input channels, like PyTorch's LazyConv2d).
///
///     let layers: [Layer] = [.conv2d(channels: 32, kernel: 3), .relu, .maxpool(size: 2),
///                            .flatten, .linear(units: 10)]
public enum Layer: Equatable, CustomStringConvertible {
  case conv2d(channels: Int, kernel: Int, stride: Int = 1, pad: Int = 0)
  case batchnorm
  case relu
  case maxpool(size: Int, stride: Int? = nil)
  case flatten
  case linear(units: Int)
  case dropout(p: Double)

  /// The short kind profiles and summaries group by: "conv", "norm", "relu", "pool",
  /// "flatten", "linear", "dropout".
  public var kind: String {
    switch self {
    case .conv2d: return "conv"
    case .batchnorm: return "norm"
    case .relu: return "relu"
    case .maxpool: return "pool"
    case .flatten: return "flatten"
    case .linear: return "linear"
    case .dropout: return "dropout"
    }
  }

  /// As the language writes it: `conv2d(32, 3)`, `maxpool(2)`, `linear(10)`.
  public var description: String {
    switch self {
    case let .conv2d(c, k, s, p):
      return "conv2d(\(c), \(k)\(s != 1 ? ", stride: \(s)" : "")\(p != 0 ? ", pad: \(p)" : ""))"
    case .batchnorm: return "batchnorm()"
    case .relu: return "relu()"
    case let .maxpool(size, stride):
      return "maxpool(\(size)\(stride.map { $0 != size ? ", stride: \($0)" : "" } ?? ""))"
    case .flatten: return "flatten()"
    case .linear(let u): return "linear(\(u))"
    case .dropout(let p): return "dropout(\(p))"
    }
  }

  /// Checks the arguments themselves (shapes are checked against the input later).
  public func validate() throws {
    switch self {
    case let .conv2d(c, k, s, p):
      guard c > 0 else { throw LearnError.invalidLayer("conv2d: channels must be positive, got \(c)") }
      guard k > 0 else { throw LearnError.invalidLayer("conv2d: kernel must be positive, got \(k)") }
      guard s > 0 else { throw LearnError.invalidLayer("conv2d: stride must be positive, got \(s)") }
      guard p >= 0 else { throw LearnError.invalidLayer("conv2d: pad must not be negative, got \(p)") }
    case let .maxpool(size, stride):
      guard size > 0 else { throw LearnError.invalidLayer("maxpool: size must be positive, got \(size)") }
      if let stride, stride <= 0 { throw LearnError.invalidLayer("maxpool: stride must be positive, got \(stride)") }
    case .linear(let u):
      guard u > 0 else { throw LearnError.invalidLayer("linear: units must be positive, got \(u)") }
    case .dropout(let p):
      guard p >= 0, p < 1 else { throw LearnError.invalidLayer("dropout: p must be in [0, 1), got \(p)") }
    case .batchnorm, .relu, .flatten:
      break
    }
  }

  /// The output shape for an input shape, or an error saying why the layer cannot take it.
  public func outputShape(for input: Shape) throws -> Shape {
    switch self {
    case let .conv2d(c, k, s, p):
      let h = (input.h + 2 * p - k) / s + 1, w = (input.w + 2 * p - k) / s + 1
      guard input.h + 2 * p >= k, input.w + 2 * p >= k, h > 0, w > 0 else {
        throw LearnError.shapeMismatch("\(self): kernel \(k) does not fit input \(input) (pad \(p))")
      }
      return Shape(c: c, h: h, w: w)
    case let .maxpool(size, stride):
      let s = stride ?? size
      guard input.h >= size, input.w >= size else {
        throw LearnError.shapeMismatch("\(self): window \(size) does not fit input \(input)")
      }
      return Shape(c: input.c, h: (input.h - size) / s + 1, w: (input.w - size) / s + 1)
    case .flatten:
      return .vector(input.count)
    case .linear(let u):
      return .vector(u)
    case .batchnorm, .relu, .dropout:
      return input
    }
  }

  /// Trainable values for this layer on this input: (name, count) pairs.
  func parameterSizes(input: Shape) -> [(String, Int)] {
    switch self {
    case let .conv2d(c, k, _, _): return [("weight", c * k * k * input.c), ("bias", c)]
    case .linear(let u): return [("weight", u * input.count), ("bias", u)]
    case .batchnorm: return [("weight", input.c), ("bias", input.c)]
    default: return []
    }
  }

  /// Multiply-accumulates per sample in the forward pass.
  func macs(input: Shape, output: Shape) -> Int {
    switch self {
    case let .conv2d(c, k, _, _): return output.h * output.w * c * k * k * input.c
    case .linear(let u): return u * input.count
    case .batchnorm: return input.count
    default: return 0
    }
  }
}
