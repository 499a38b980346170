/// How a stored pixel byte becomes the float a network sees. Each reader keeps the arithmetic
/// it has always used, so the floats are bit for bit those of a float copy: `x * (1/255)` and
/// `x / 255` differ in the last bit for 126 of the 256 byte values.
///
///     PixelScaling.times(1 / 255).value(255)     // 1.0 (the IDX reader)
///     PixelScaling.dividedBy(255).value(128)     // 0.50196... (CIFAR-10, torchvision's ToTensor)
public enum PixelScaling: Equatable, Sendable {
  /// `Float(byte) * factor`.
  case times(Float)
  /// `Float(byte) / divisor`.
  case dividedBy(Float)

  /// The float for one byte.
  @inlinable
  public func value(_ byte: UInt8) -> Float {
    switch self {
    case .times(let f): return Float(byte) * f
    case .dividedBy(let d): return Float(byte) / d
    }
  }

  /// Converts `count` bytes from `source` into floats at `destination`. Each case is its own
  /// loop over contiguous memory, which the compiler vectorises (widen, convert, scale).
  @inlinable
  public func convert(_ source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .times(let f):
      for t in 0..<count { destination[t] = Float(source[t]) * f }
    case .dividedBy(let d):
      for t in 0..<count { destination[t] = Float(source[t]) / d }
    }
  }
}
