import LearnKernels

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

  /// Converts `count` bytes from `source` into floats at `destination`, each exactly as
  /// `value` gives it, in the vector width of the kernel build LearnKernels chose (Swift here is
  /// compiled for SSE2, where the conversion cost more than copying floats).
  public func convert(_ source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .times(let f): lk_bytes_times(source, count, f, destination)
    case .dividedBy(let d): lk_bytes_divided(source, count, d, destination)
    }
  }
}
