/// Inner loops of the GP code, written so they vectorise under strict floating point.
///
///     let s = VectorMath.dot(a, b, count: n)      // a·b
///
/// A plain `for` reduction is one dependent chain of adds (4-cycle latency each); two SIMD4
/// accumulators keep eight chains in flight, about 6× faster for the n ≈ 100 the samplers see.
enum VectorMath {
  @inline(__always)
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count n: Int) -> Double {
    var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    var i = 0
    while i + 8 <= n {
      s0.addProduct(ra.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self),
                    rb.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self))
      s1.addProduct(ra.loadUnaligned(fromByteOffset: i * 8 + 32, as: SIMD4<Double>.self),
                    rb.loadUnaligned(fromByteOffset: i * 8 + 32, as: SIMD4<Double>.self))
      i += 8
    }
    var s = (s0 + s1).sum()
    while i < n {
      s += a[i] * b[i]
      i += 1
    }
    return s
  }
}

extension VectorMath {
  /// e^x for x ≤ 0, branch-free so loops over it vectorise (libm's exp is an opaque call).
  ///
  ///     VectorMath.expNegative(-1)   // 0.36787944117144233
  ///
  /// Range reduction x = k·ln2 + r with |r| ≤ ln2/2, then a degree-12 Taylor polynomial
  /// (truncation error below 1e-15 relative), then 2^k built in the exponent bits. Arguments below
  /// −700 give about 1e-304 instead of underflowing; kernel values that small are zero to the GP.
  @inline(__always)
  static func expNegative(_ x: Double) -> Double {
    let xc = max(x, -700)
    let k = (xc * 1.4426950408889634).rounded(.toNearestOrEven)
    // ln 2 split in two (Cody–Waite, fdlibm constants) so k·ln2_hi is exact.
    let r = (xc - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
    var p = 1.0 / 479001600
    p = p * r + 1.0 / 39916800
    p = p * r + 1.0 / 3628800
    p = p * r + 1.0 / 362880
    p = p * r + 1.0 / 40320
    p = p * r + 1.0 / 5040
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    // k + 1.5·2^52 puts k, two's complement, in the low mantissa bits.
    let shifted = (k + 6755399441055744.0).bitPattern
    let scale = Double(bitPattern: (shifted &+ 1023) << 52)
    return p * scale
  }
}
