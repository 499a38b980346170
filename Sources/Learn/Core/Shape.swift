/// The shape of one sample as channels × height × width; vectors are `c × 1 × 1`.
///
///     let image = Shape(c: 1, h: 28, w: 28)
///     image.count          // 784
///
/// Activations are stored channels-last (NHWC): element (y, x, c) of image i is at
/// `((i * h + y) * w + x) * c + channel`, so im2col rows are contiguous copies of `c` floats.
public struct Shape: Equatable, Hashable, CustomStringConvertible {
  public var c: Int
  public var h: Int
  public var w: Int

  public init(c: Int, h: Int, w: Int) {
    self.c = c
    self.h = h
    self.w = w
  }

  /// A flat vector of `units` values.
  public static func vector(_ units: Int) -> Shape { Shape(c: units, h: 1, w: 1) }

  /// Values per sample.
  public var count: Int { c * h * w }

  public var isVector: Bool { h == 1 && w == 1 }

  /// `1×28×28` (channels × height × width), or `128` for a vector.
  public var description: String { isVector ? "\(c)" : "\(c)×\(h)×\(w)" }

  /// The shape as a list, as the language shows it: `[1, 28, 28]` or `[128]`.
  public var dimensions: [Int] { isVector ? [c] : [c, h, w] }
}
