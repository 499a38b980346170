import Foundation

/// The three networks of Yarally et al. (CAIN 2023), as their replication notebook defines
/// them for an input of C channels and D×D pixels (Fashion-MNIST: C = 1, D = 28).
///
///     PaperNetworks.simpleCNN(conv: 2, linear: 3)   // conv 3, 9 · linear 392, 196, 10
///     PaperNetworks.denseLinear(3)                  // linear 522, 261, 10
///     PaperNetworks.densePoly(3)                    // linear 392, 196, 10
///
/// None of them has an activation between its linear layers: the paper's choice, kept.
public enum PaperNetworks {
  public static let fashionMNIST = Shape(c: 1, h: 28, w: 28)

  /// `conv` blocks of conv2d(C·3^(d+1), 3, pad 1) → batchnorm → ReLU (if `relu`) → maxpool(2),
  /// then flatten, `linear − 1` layers of width max(⌊C·D²/2^(d+1)⌋, C), then linear(classes).
  public static func simpleCNN(conv: Int = 2, linear: Int = 3, relu: Bool = true,
                               input: Shape = fashionMNIST, classes: Int = 10) throws -> Model {
    guard conv >= 0 else { throw LearnError.invalidOption("simple_cnn: conv must not be negative, got \(conv)") }
    guard linear >= 1 else { throw LearnError.invalidOption("simple_cnn: linear must be at least 1, got \(linear)") }
    try checkConvBlocks(conv, input: input)
    var layers: [Layer] = []
    var channels = input.c
    for _ in 0..<conv {
      channels *= 3
      layers += [.conv2d(channels: channels, kernel: 3, stride: 1, pad: 1), .batchnorm]
      if relu { layers.append(.relu) }
      layers.append(.maxpool(size: 2, stride: 2))
    }
    layers.append(.flatten)
    let cd2 = input.c * input.h * input.w
    for d in 0..<(linear - 1) {
      layers.append(.linear(units: max(cd2 >> (d + 1), input.c)))
    }
    layers.append(.linear(units: classes))
    let model = try Model(layers)
    _ = try model.shapes(input: input)
    return model
  }

  /// Flatten, `n − 1` linear layers whose widths fall linearly,
  /// max(⌊C·D² − (d+1)·C·D²/n⌋, C), then linear(classes).
  public static func denseLinear(_ n: Int, input: Shape = fashionMNIST, classes: Int = 10) throws -> Model {
    guard n >= 1 else { throw LearnError.invalidOption("dense_linear: needs at least 1 layer, got \(n)") }
    let cd2 = Double(input.count)
    var layers: [Layer] = [.flatten]
    for d in 0..<(n - 1) {
      let width = Int(floor(cd2 - Double(d + 1) * cd2 / Double(n)))
      layers.append(.linear(units: max(width, input.c)))
    }
    layers.append(.linear(units: classes))
    return try Model(layers)
  }

  /// Flatten, `n − 1` linear layers each half as wide as the one before (C·D²/2, /4, ...),
  /// then linear(classes).
  public static func densePoly(_ n: Int, input: Shape = fashionMNIST, classes: Int = 10) throws -> Model {
    guard n >= 1 else { throw LearnError.invalidOption("dense_poly: needs at least 1 layer, got \(n)") }
    var layers: [Layer] = [.flatten]
    for d in 0..<(n - 1) {
      layers.append(.linear(units: max(input.count >> (d + 1), input.c)))
    }
    layers.append(.linear(units: classes))
    return try Model(layers)
  }

  /// The benchmark network of issue 3: conv2d(32, 3) relu maxpool(2) conv2d(64, 3) relu
  /// maxpool(2) flatten linear(128) relu linear(10).
  public static func referenceCNN(classes: Int = 10) throws -> Model {
    try Model([.conv2d(channels: 32, kernel: 3), .relu, .maxpool(size: 2),
               .conv2d(channels: 64, kernel: 3), .relu, .maxpool(size: 2),
               .flatten, .linear(units: 128), .relu, .linear(units: classes)])
  }

  /// Each conv block ends in a 2×2 max-pool that halves the image (rounding down), which needs
  /// at least 2×2 to pool: a 28×28 image allows 4 blocks (28, 14, 7, 3, then 1). Said in the
  /// user's terms, before a layer deep inside reports a window that does not fit.
  static func checkConvBlocks(_ conv: Int, input: Shape) throws {
    guard input.h > 0, input.w > 0, conv > 0 else { return }
    var sizes = [(input.h, input.w)]
    while let (h, w) = sizes.last, h >= 2, w >= 2 { sizes.append((h / 2, w / 2)) }
    let allowed = sizes.count - 1
    guard conv > allowed else { return }
    let path = sizes.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)×\($0.1)" }.joined(separator: ", ")
    throw LearnError.invalidOption("simple_cnn: conv: \(conv) is too many for a \(input.h)×\(input.w) image, which allows "
      + "at most \(allowed) conv block\(allowed == 1 ? "" : "s") (each 2×2 max-pool halves it: \(path))")
  }
}
