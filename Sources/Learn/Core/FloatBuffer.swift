import LearnKernels

/// A block of Float32 allocated once, 64-byte aligned, freed with its owner.
///
///     let b = FloatBuffer(count: 64 * 784)
///     b.zero()
///     b.pointer[0] = 1
///
/// Workers keep one per activation and gradient so a training step allocates nothing:
/// per-batch multi-MB allocations made glibc map and unmap pages every step (issue 3).
/// Every buffer has `LK_SLACK` zeroed floats past its end, which vector kernels may read
/// (never write) when a row of channels ends inside a vector.
public final class FloatBuffer {
  public let pointer: UnsafeMutablePointer<Float>
  public let count: Int

  public init(count: Int) {
    self.count = max(count, 1)
    var raw: UnsafeMutableRawPointer?
    let allocated = self.count + Int(LK_SLACK)
    let bytes = allocated * MemoryLayout<Float>.stride
    if posix_memalign(&raw, 64, bytes) != 0 || raw == nil {
      // Out of memory is not recoverable here; fail loudly with the size asked for.
      fatalError("FloatBuffer: cannot allocate \(bytes) bytes")
    }
    pointer = raw!.bindMemory(to: Float.self, capacity: allocated)
    pointer.initialize(repeating: 0, count: allocated)
  }

  deinit { free(pointer) }

  public func zero() { pointer.update(repeating: 0, count: count) }

  /// Copies the values out, for tests and saving.
  public var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
